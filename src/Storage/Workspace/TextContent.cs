using System.Text;

namespace Cockpit.Storage.Workspace;

/// <summary>Decides whether bytes are UTF-8 text and decodes them.</summary>
public static class TextContent
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The text of <paramref name="bytes"/>, or null when they are binary: a NUL byte, or anything that is not valid
    /// UTF-8. A leading BOM is dropped. When <paramref name="cut"/>, the bytes are a file's beginning, so a character
    /// split at the end is dropped instead of making the file look binary.
    /// </summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, bool cut)
    {
        if (bytes.Contains((byte)0)) return null;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        if (cut) bytes = bytes[..CompleteLength(bytes)];
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The length without a trailing, incomplete UTF-8 sequence (at most 3 bytes are dropped).</summary>
    private static int CompleteLength(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80) continue; // continuation byte: keep looking for the lead byte
            var needed = (b & 0x80) == 0 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
            return needed > back ? bytes.Length - back : bytes.Length;
        }
        return bytes.Length;
    }
}

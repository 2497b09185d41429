using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Cockpit.GraphQL.Schema.Paging;

/// <summary>
/// Cursors of lists whose store pages by offset (requirements): an opaque base64url token of the position after
/// the page's last item. Good enough for a list that only grows at its end; keyset cursors are used where stores offer them.
/// </summary>
public static class OffsetCursor
{
    private const string Prefix = "o1.";

    public static string Encode(long offset) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The offset to continue at; null when <paramref name="token"/> is not a cursor of this kind.</summary>
    public static int? TryDecode(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return null;
        }
        var text = Encoding.ASCII.GetString(bytes);
        return text.StartsWith(Prefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : null;
    }
}

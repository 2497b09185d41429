using System.Text;

namespace Cockpit.GraphQL.Transport.WebSockets;

/// <summary>
/// A WebSocket close frame carries at most 125 payload bytes, two of them the code, so a reason is at most 123 UTF-8
/// bytes (RFC 6455 §5.5); a longer one makes the close itself fail. Reasons can hold client text (an operation id).
/// </summary>
public static class CloseReason
{
    public const int MaxBytes = 123;

    /// <summary><paramref name="reason"/> cut to at most <see cref="MaxBytes"/> UTF-8 bytes, never inside a character.</summary>
    public static string Truncate(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (Encoding.UTF8.GetByteCount(reason) <= MaxBytes)
        {
            return reason;
        }

        var bytes = 0;
        var end = 0;
        foreach (var rune in reason.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > MaxBytes)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            end += rune.Utf16SequenceLength;
        }

        return reason[..end];
    }
}

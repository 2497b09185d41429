using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace Cockpit.AgentBridge.Networks;

/// <summary>
/// Strict parsing of an IP address literal. <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> alone is too
/// forgiving for a security check: it reads "127.1", "0x7f.0.0.1" and "010.0.0.1" (octal) as addresses and ignores
/// a port in "[::1]:80", so what a check approved and what a reader of the logs believes was approved could differ.
/// </summary>
internal static class IpLiteral
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out IPAddress? address, [NotNullWhen(false)] out string? why)
    {
        address = null;
        if (string.IsNullOrEmpty(text))
        {
            why = "it is empty";
            return false;
        }

        if (!IPAddress.TryParse(text, out var parsed))
        {
            why = "it is not an IP address literal (host names are not accepted)";
            return false;
        }

        if (parsed.AddressFamily == AddressFamily.InterNetwork)
        {
            // Only the canonical dotted quad round-trips; shorthand, hex and octal forms do not.
            if (!string.Equals(parsed.ToString(), text, StringComparison.Ordinal))
            {
                why = "an IPv4 address must be written as four decimal numbers without leading zeros (a.b.c.d)";
                return false;
            }
        }
        else if (text.AsSpan().IndexOfAny("[]% \t") >= 0)
        {
            why = "an IPv6 address must be written without brackets, port or zone index";
            return false;
        }

        address = parsed;
        why = null;
        return true;
    }
}

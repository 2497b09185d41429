using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Cockpit.Storage.Telemetry.Audit;

/// <summary>
/// Where a page of the audit trail ended: the (at, id) of its last entry. Keyset paging on that pair stays
/// correct while agents keep appending. Sent to clients as an opaque base64url token.
/// </summary>
public sealed record AuditCursor(DateTimeOffset At, Guid Id)
{
    private const string Version = "a1";

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"{Version}.{At.UtcTicks.ToString(CultureInfo.InvariantCulture)}.{Id:N}"));

    public static bool TryDecode(string? token, [NotNullWhen(true)] out AuditCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(token) || token.Length > 200) return false;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }
        var parts = Encoding.ASCII.GetString(bytes).Split('.');
        if (parts.Length != 3 || parts[0] != Version) return false;
        if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks) return false;
        if (!Guid.TryParseExact(parts[2], "N", out var id)) return false;
        cursor = new AuditCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}

using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Cockpit.Storage.ReadModel;

/// <summary>
/// Where a page of the newest-first job list ended: the (created_at, id) of its last job. Keyset paging on that pair
/// (the order of idx_jobs_created_at) neither skips nor repeats jobs while new ones are created. Sent to clients as
/// an opaque base64url token.
/// </summary>
public sealed record JobSearchCursor(DateTimeOffset CreatedAt, Guid Id)
{
    private const string Version = "j1";

    public static JobSearchCursor Of(JobRow row) => new(row.CreatedAt ?? DateTimeOffset.MinValue, row.Id);

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"{Version}.{CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}.{Id:N}"));

    public static bool TryDecode(string? token, [NotNullWhen(true)] out JobSearchCursor? cursor)
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
        cursor = new JobSearchCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}

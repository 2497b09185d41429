using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Cockpit.Storage.Paging;

/// <summary>
/// The wire form of a keyset-paging position, a (time, id) pair: an opaque base64url token
/// "<c>{kind}.{utc ticks}.{id:N}</c>". The kind tells one list's tokens from another's, so a token of the job list
/// handed to the audit trail is refused rather than misread.
/// </summary>
public static class KeysetToken
{
    /// <summary>Longer tokens are refused before decoding: a real one is about 70 characters.</summary>
    private const int MaxLength = 200;

    public static string Encode(string kind, DateTimeOffset at, Guid id) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"{kind}.{at.UtcTicks.ToString(CultureInfo.InvariantCulture)}.{id:N}"));

    /// <summary>The (time, id) in <paramref name="token"/>, or null when it is not a well-formed token of <paramref name="kind"/>.</summary>
    public static (DateTimeOffset At, Guid Id)? TryDecode(string kind, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength) return null;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return null;
        }
        var parts = Encoding.ASCII.GetString(bytes).Split('.');
        if (parts.Length != 3 || parts[0] != kind) return null;
        if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks) return null;
        if (!Guid.TryParseExact(parts[2], "N", out var id)) return null;
        return (new DateTimeOffset(ticks, TimeSpan.Zero), id);
    }
}

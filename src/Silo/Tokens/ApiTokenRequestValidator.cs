using System.Globalization;
using Cockpit.Security;

namespace Cockpit.Silo.Tokens;

/// <summary>
/// The rules of <c>POST /api/tokens</c>, apart from I/O: a name of 1–<see cref="MaxNameLength"/> printable characters,
/// a role of viewer, operator or admin, and an optional RFC 3339 expiry in the future, at most
/// <see cref="MaxLifetime"/> away. Every bad field is named.
/// </summary>
public static class ApiTokenRequestValidator
{
    public const int MaxNameLength = 100;

    /// <summary>Ten years: further than any script lives; a longer "expiry" is a typo for "never" (leave it out).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(3650);

    public sealed record Valid(string Name, CockpitRole Role, DateTimeOffset? ExpiresAt);

    /// <summary>The validated request, or null with <paramref name="errors"/> filled per field.</summary>
    public static Valid? Validate(CreateApiTokenRequest request, DateTimeOffset now, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);

        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors["name"] = ["is required"];
        else if (name.Length > MaxNameLength) errors["name"] = [$"must be at most {MaxNameLength} characters"];
        else if (name.Any(char.IsControl)) errors["name"] = ["must not contain control characters"];

        CockpitRole? role = null;
        if (request.Role is null) errors["role"] = ["is required: viewer, operator or admin"];
        else if (!CockpitRoles.TryParse(request.Role, out role) || role == CockpitRole.None) errors["role"] = ["must be viewer, operator or admin"];

        DateTimeOffset? expiresAt = null;
        if (request.ExpiresAt is { } text)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                || !HasZone(text))
            {
                errors["expires_at"] = ["must be an RFC 3339 time with a zone, e.g. 2030-01-31T00:00:00Z"];
            }
            else if (parsed <= now) errors["expires_at"] = ["must be in the future"];
            else if (parsed - now > MaxLifetime) errors["expires_at"] = [$"must be at most {MaxLifetime.TotalDays:0} days away; leave it out for a token that does not expire"];
            else expiresAt = parsed.ToUniversalTime();
        }

        return errors.Count == 0 ? new Valid(name!, role!.Value, expiresAt) : null;
    }

    // A time without a zone means a different instant on every machine that reads it.
    private static bool HasZone(string text)
    {
        var time = text.AsSpan().Trim();
        var t = time.IndexOfAny('T', 't');
        if (t < 0) return false;
        var clock = time[(t + 1)..];
        return clock.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || clock.IndexOfAny('+', '-') >= 0;
    }
}

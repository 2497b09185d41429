using System.Security.Claims;

namespace Cockpit.Silo.Tokens;

/// <summary>What <see cref="ApiTokenAuthenticator"/> found: the principal to act as, or why the token is refused.</summary>
public sealed record ApiTokenAuthentication(ClaimsPrincipal? User, string? Refusal)
{
    public static ApiTokenAuthentication Accepted(ClaimsPrincipal user) => new(user, null);

    public static ApiTokenAuthentication Refused(string reason) => new(null, reason);
}

using System.Security.Claims;
using Cockpit.Security;
using Cockpit.Silo.Security;
using Cockpit.Storage.Security;

namespace Cockpit.Silo.Tokens;

/// <summary>How a request that carries an API token is represented: a principal with the token's role, as a session would be.</summary>
public static class ApiTokenClaims
{
    /// <summary>The value of <see cref="SessionClaims.LoginClaim"/> for a token: the request needs no CSRF token, and is rate limited per token.</summary>
    public const string Login = "token";

    /// <summary>The token's id (no secret): the rate limiter's partition and what logs may name.</summary>
    public const string TokenIdClaim = "cockpit_token_id";

    public const string AuthenticationType = "ApiToken";

    public static ClaimsPrincipal Principal(ApiTokenRecord token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var role = CockpitRoles.TryParse(token.Role, out var parsed) ? parsed.Value : CockpitRole.None;
        return new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "token:" + token.Id.ToString("D")),
            new Claim(ClaimTypes.Name, token.Name),
            new Claim(SessionClaims.LoginClaim, Login),
            new Claim(TokenIdClaim, token.Id.ToString("D")),
            new Claim(CockpitRoles.RoleClaim, CockpitRoles.Name(role)),
        ], AuthenticationType, ClaimTypes.Name, CockpitRoles.RoleClaim));
    }

    /// <summary>Whether the request acts with an API token.</summary>
    public static bool IsToken(ClaimsPrincipal? user) => user is not null && SessionClaims.Login(user) == Login;

    /// <summary>The token's id, or null for any other caller.</summary>
    public static string? TokenId(ClaimsPrincipal? user) => IsToken(user) ? user!.FindFirst(TokenIdClaim)?.Value : null;
}

using System.Security.Claims;
using Cockpit.Security;

namespace Cockpit.Silo.Security;

/// <summary>Who the caller is and what the sign-in options are: GET /api/auth/me and the answer of every sign-in.</summary>
public sealed record MeResponse
{
    /// <summary>True with a session (guest, dev or OIDC), false for a request acting as a sessionless guest.</summary>
    public required bool SignedIn { get; init; }

    /// <summary>guest, dev or oidc; null without a session.</summary>
    public string? Login { get; init; }

    public string? UserId { get; init; }

    public string? Name { get; init; }

    /// <summary>The role the caller acts with now: none, viewer, operator or admin.</summary>
    public required string Role { get; init; }

    /// <summary>The token to echo in X-CSRF-Token on state-changing requests; null without a session (none is needed then).</summary>
    public string? CsrfToken { get; init; }

    /// <summary>What guests may do (AUTH_GUEST_ROLE).</summary>
    public required string GuestRole { get; init; }

    /// <summary>Whether POST /api/auth/mock-login is on (AUTH_DEV_LOGIN).</summary>
    public required bool DevLogin { get; init; }

    /// <summary>Whether GET /api/auth/oidc-login signs in with the configured provider.</summary>
    public required bool Oidc { get; init; }

    public static MeResponse From(ClaimsPrincipal user, AuthOptions options) => new()
    {
        SignedIn = CockpitRoles.HasSession(user),
        Login = SessionClaims.Login(user),
        UserId = CockpitRoles.HasSession(user) ? user.FindFirst(ClaimTypes.NameIdentifier)?.Value : null,
        Name = CockpitRoles.HasSession(user) ? user.Identity?.Name : null,
        Role = CockpitRoles.Name(CockpitRoles.Of(user)),
        CsrfToken = SessionClaims.CsrfToken(user),
        GuestRole = CockpitRoles.Name(options.GuestRole),
        DevLogin = options.DevLogin,
        Oidc = options.Oidc is not null,
    };
}

using System.Security.Claims;
using Cockpit.Protocol;
using Cockpit.Security;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Cockpit.Silo.Security;

/// <summary>What a session cookie carries, and how a guest without one is represented.</summary>
public static class SessionClaims
{
    /// <summary>How the session was opened: <see cref="GuestLogin"/>, <see cref="DevLogin"/> or <see cref="OidcLogin"/>.</summary>
    public const string LoginClaim = "cockpit_login";

    /// <summary>The session's CSRF token: state-changing requests of the session must echo it in <see cref="CsrfHeader"/>.</summary>
    public const string CsrfClaim = "cockpit_csrf";

    public const string GuestLogin = "guest";
    public const string DevLogin = "dev";
    public const string OidcLogin = "oidc";

    /// <summary>The session cookie (HttpOnly, SameSite=Strict), protected with the key ring every silo shares.</summary>
    public const string SessionCookie = "cockpit_session";

    /// <summary>The CSRF token as a cookie scripts of the page can read (double submit); the server checks the header against the session.</summary>
    public const string CsrfCookie = "cockpit_csrf";

    /// <summary>The header that must carry the session's CSRF token on POST, PUT, PATCH and DELETE.</summary>
    public const string CsrfHeader = "X-CSRF-Token";

    /// <summary>
    /// A session principal. Guest sessions carry no role claim: <see cref="GuestPrincipalMiddleware"/> adds the current
    /// AUTH_GUEST_ROLE on every request, so changing the setting changes what open guest sessions may do.
    /// </summary>
    public static ClaimsPrincipal Session(string userId, string name, string login, CockpitRole? role)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, userId),
            new(ClaimTypes.Name, name),
            new(LoginClaim, login),
            new(CsrfClaim, NewToken()),
        };
        if (role is { } granted) claims.Add(new Claim(CockpitRoles.RoleClaim, CockpitRoles.Name(granted)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, CockpitRoles.RoleClaim));
    }

    /// <summary>A request without a session: not authenticated, acting with the guest role.</summary>
    public static ClaimsPrincipal Guest(CockpitRole guestRole) =>
        new(new ClaimsIdentity([new Claim(CockpitRoles.RoleClaim, CockpitRoles.Name(guestRole))]));

    public static string? Login(ClaimsPrincipal user) => CockpitRoles.HasSession(user) ? user.FindFirst(LoginClaim)?.Value : null;

    public static string? CsrfToken(ClaimsPrincipal user) => CockpitRoles.HasSession(user) ? user.FindFirst(CsrfClaim)?.Value : null;

    /// <summary>A fresh CSRF token or session id part (<see cref="Secrets.New"/>).</summary>
    public static string NewToken() => Secrets.New();
}

using Cockpit.Security;

namespace Cockpit.Silo.Security;

/// <summary>How people sign in and what a request without a session may do. Read by <see cref="AuthSettings"/>.</summary>
public sealed record AuthOptions
{
    /// <summary>
    /// AUTH_GUEST_ROLE: the role of a request that carries no session and of a guest session (POST /api/auth/guest-login):
    /// <c>none</c> (every endpoint but sign-in answers 401), <c>viewer</c> or <c>operator</c>; never admin. Default:
    /// viewer, so an exposed cockpit can be watched but not changed by whoever reaches it. <c>make up</c> uses operator.
    /// </summary>
    public CockpitRole GuestRole { get; init; } = CockpitRole.Viewer;

    /// <summary>
    /// AUTH_DEV_LOGIN: whether POST /api/auth/mock-login signs anyone in with any role they name. Default: false. For
    /// development and tests only: with it on, everyone who reaches the silo can be admin. <c>make up</c> turns it on.
    /// The silo refuses to start with it on unless ORCHESTRATOR_BIND is loopback or AUTH_DEV_LOGIN_ANY_ADDRESS=true
    /// (default false) says a wider address is meant.
    /// </summary>
    public bool DevLogin { get; init; }

    /// <summary>
    /// AUTH_SESSION_HOURS: how long a session cookie lives without use; each use extends it (sliding). Default: 12 h, a
    /// working day; a closed browser tab keeps nothing alive beyond it.
    /// </summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(12);

    /// <summary>
    /// AUTH_COOKIE_SECURE: <c>auto</c> (cookies are marked Secure when the request came over https), <c>always</c> or
    /// <c>never</c>. Default: auto. Set always when a proxy ends TLS in front of the silo (the silo then sees http).
    /// </summary>
    public CookieSecurePolicy CookieSecure { get; init; } = CookieSecurePolicy.SameAsRequest;

    /// <summary>The OpenID Connect provider, or null when AUTH_OIDC_AUTHORITY is unset (no single sign-on).</summary>
    public OidcOptions? Oidc { get; init; }
}

using System.ComponentModel.DataAnnotations;
using System.Net;
using Cockpit.Security;

namespace Cockpit.Silo.Security;

/// <summary>How people sign in and what a request without a session may do.</summary>
public sealed class AuthOptions : IValidatableObject
{
    /// <summary>
    /// AUTH_GUEST_ROLE: the role of a request that carries no session and of a guest session (POST /api/auth/guest-login):
    /// <c>none</c> (every endpoint but sign-in answers 401), <c>viewer</c> or <c>operator</c>; never admin. Default:
    /// viewer, so an exposed cockpit can be watched but not changed by whoever reaches it. <c>make up</c> uses operator.
    /// </summary>
    [ConfigurationKeyName("AUTH_GUEST_ROLE")]
    public CockpitRole GuestRole { get; set; } = CockpitRole.Viewer;

    /// <summary>
    /// AUTH_DEV_LOGIN: whether POST /api/auth/mock-login signs anyone in with any role they name. Default: false. For
    /// development and tests only: with it on, everyone who reaches the silo can be admin. <c>make up</c> turns it on.
    /// The silo refuses to start with it on unless ORCHESTRATOR_BIND is loopback (see <see cref="DevLoginRefusal"/>).
    /// </summary>
    [ConfigurationKeyName("AUTH_DEV_LOGIN")]
    public bool DevLogin { get; set; }

    /// <summary>
    /// AUTH_DEV_LOGIN_ANY_ADDRESS: allows <see cref="DevLogin"/> on an address other than loopback. Default: false, since
    /// anyone reaching that address could then be admin; only a deliberate test setup wants it.
    /// </summary>
    [ConfigurationKeyName("AUTH_DEV_LOGIN_ANY_ADDRESS")]
    public bool DevLoginAnyAddress { get; set; }

    /// <summary>
    /// AUTH_SESSION_HOURS: how long a session cookie lives without use; each use extends it (sliding). Default: 12 h, a
    /// working day; a closed browser tab keeps nothing alive beyond it. 1 to 720 (30 days).
    /// </summary>
    [ConfigurationKeyName("AUTH_SESSION_HOURS"), Range(1, 24 * 30)]
    public int SessionHours { get; set; } = 12;

    /// <summary>
    /// AUTH_COOKIE_SECURE: <c>auto</c> (cookies are marked Secure when the request came over https), <c>always</c> or
    /// <c>never</c>. Default: auto, right for both plain local use and TLS at the silo. Set always when a proxy ends TLS
    /// in front of the silo (the silo then sees http).
    /// </summary>
    [ConfigurationKeyName("AUTH_COOKIE_SECURE")]
    public string CookieSecureMode { get; set; } = "auto";

    /// <summary>The OpenID Connect provider, or null when AUTH_OIDC_AUTHORITY is unset (no single sign-on). Set at registration.</summary>
    public OidcOptions? Oidc { get; set; }

    public TimeSpan SessionLifetime => TimeSpan.FromHours(SessionHours);

    /// <summary><see cref="CookieSecureMode"/> as ASP.NET Core's policy.</summary>
    public CookieSecurePolicy CookieSecure => CookieSecureMode.ToLowerInvariant() switch
    {
        "always" => CookieSecurePolicy.Always,
        "never" => CookieSecurePolicy.None,
        _ => CookieSecurePolicy.SameAsRequest,
    };

    /// <summary>
    /// Why the silo must not start with these options on <paramref name="bind"/> (ORCHESTRATOR_BIND), or null. Dev sign-in
    /// makes anyone an admin: fine on this machine, not on an address others reach by accident.
    /// </summary>
    public string? DevLoginRefusal(IPAddress bind)
    {
        ArgumentNullException.ThrowIfNull(bind);
        return DevLogin && !IPAddress.IsLoopback(bind) && !DevLoginAnyAddress
            ? "AUTH_DEV_LOGIN=true signs anyone in as admin, so it needs ORCHESTRATOR_BIND on loopback (127.0.0.1, ::1 or " +
              $"localhost), not '{bind}'; AUTH_DEV_LOGIN_ANY_ADDRESS=true allows it on any address."
            : null;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (GuestRole == CockpitRole.Admin)
        {
            yield return new ValidationResult("AUTH_GUEST_ROLE='admin' is not allowed: guests may be none, viewer or operator.", [nameof(GuestRole)]);
        }
        if (CookieSecureMode.ToLowerInvariant() is not ("auto" or "always" or "never"))
        {
            yield return new ValidationResult($"AUTH_COOKIE_SECURE='{CookieSecureMode}' is not auto, always or never.", [nameof(CookieSecureMode)]);
        }
    }
}

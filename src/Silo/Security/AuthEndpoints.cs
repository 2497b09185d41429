using System.Security.Claims;
using Cockpit.Http;
using Cockpit.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cockpit.Silo.Security;

/// <summary>
/// Sessions for people: <c>POST /api/auth/guest-login</c>, <c>POST /api/auth/mock-login</c> (AUTH_DEV_LOGIN only),
/// <c>POST /api/auth/logout</c>, <c>GET /api/auth/me</c>, and <c>GET /api/auth/oidc-login</c> when a provider is set.
/// Open to everyone (they are how one gets a role), rate limited per client address (AUTH_RATE_LIMIT_PER_MINUTE).
/// </summary>
public static class AuthEndpoints
{
    public const string Prefix = "/api/auth";

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup(Prefix).WithTags("Auth").AllowAnonymous();
        auth.MapPost("/guest-login", GuestLoginAsync).WithName("GuestLogin").WithMetadata(SkipCsrfCheck.Instance);
        auth.MapPost("/mock-login", MockLoginAsync).WithName("MockLogin").WithMetadata(SkipCsrfCheck.Instance);
        auth.MapPost("/logout", LogoutAsync).WithName("Logout");
        auth.MapGet("/me", Me).WithName("Me");
        auth.MapGet("/oidc-login", OidcLogin).WithName("OidcLogin");
        return app;
    }

    public static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GuestLoginAsync(HttpContext context, AuthOptions options)
    {
        if (options.GuestRole == CockpitRole.None)
        {
            return TypedResults.Problem("guest access is off (AUTH_GUEST_ROLE=none): sign in with an account",
                statusCode: StatusCodes.Status403Forbidden, title: "Guests may not sign in.");
        }

        var principal = SessionClaims.Session("guest:" + SessionClaims.NewToken()[..12], "Guest", SessionClaims.GuestLogin, role: null);
        await SignInAsync(context, principal, options);
        principal.Identities.First().AddClaim(new Claim(CockpitRoles.RoleClaim, CockpitRoles.Name(options.GuestRole)));
        return TypedResults.Ok(MeResponse.From(principal, options));
    }

    public static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> MockLoginAsync(HttpContext context, AuthOptions options)
    {
        if (!options.DevLogin) return Problems.NotFound("mock login is off; AUTH_DEV_LOGIN=true turns it on (development only)");

        var body = await JsonBody.ReadAsync<MockLoginRequest>(context.Request);
        if (body.Problem is not null) return body.Problem;
        if (!CockpitRoles.TryParse(body.Value!.Role, out var role) || role == CockpitRole.None)
        {
            return Problems.Invalid("role", "must be viewer, operator or admin");
        }

        var name = string.IsNullOrWhiteSpace(body.Value.Name) ? $"dev {CockpitRoles.Name(role.Value)}" : body.Value.Name.Trim();
        if (name.Length > 100) return Problems.Invalid("name", "must be at most 100 characters");

        var principal = SessionClaims.Session("dev:" + name, name, SessionClaims.DevLogin, role);
        await SignInAsync(context, principal, options);
        return TypedResults.Ok(MeResponse.From(principal, options));
    }

    public static async Task<NoContent> LogoutAsync(HttpContext context, AuthOptions options)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        context.Response.Cookies.Delete(SessionClaims.CsrfCookie, CsrfCookieOptions(context, options));
        return TypedResults.NoContent();
    }

    public static Ok<MeResponse> Me(HttpContext context, AuthOptions options) => TypedResults.Ok(MeResponse.From(context.User, options));

    public static Results<ChallengeHttpResult, ProblemHttpResult> OidcLogin(string? returnUrl, AuthOptions options)
    {
        if (options.Oidc is null) return Problems.NotFound("no OpenID Connect provider is configured (AUTH_OIDC_AUTHORITY)");
        // Only paths of this site: an absolute URL here would make the sign-in an open redirect.
        var target = returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.Contains('\\', StringComparison.Ordinal)
            ? returnUrl
            : "/";
        return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = target }, [OidcSetup.Scheme]);
    }

    /// <summary>Issues the session cookie and the CSRF cookie that goes with it.</summary>
    public static async Task SignInAsync(HttpContext context, ClaimsPrincipal principal, AuthOptions options)
    {
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        context.Response.Cookies.Append(SessionClaims.CsrfCookie, SessionClaims.CsrfToken(principal)!, CsrfCookieOptions(context, options));
    }

    /// <summary>
    /// The CSRF cookie: readable by the page's scripts (that is its purpose), sent to this site only, gone with the
    /// browser session like the session cookie; the session's expiry is enforced by the server, not by the cookie.
    /// </summary>
    public static CookieOptions CsrfCookieOptions(HttpContext context, AuthOptions options) => new()
    {
        HttpOnly = false,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        Secure = options.CookieSecure == CookieSecurePolicy.Always
            || (options.CookieSecure == CookieSecurePolicy.SameAsRequest && context.Request.IsHttps),
    };
}

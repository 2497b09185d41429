using Cockpit.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Cockpit.Silo.Security;

/// <summary>
/// Single sign-on with an OpenID Connect provider (authorization code flow with PKCE): GET /api/auth/oidc-login sends
/// the browser to the provider, which returns to <c>/signin-oidc</c>; the person then gets an ordinary cockpit session
/// whose role comes from the token (<see cref="OidcOptions.RoleClaim"/>, else <see cref="OidcOptions.DefaultRole"/>).
/// The provider's tokens are not kept: the cockpit needs only who signed in and their role.
/// </summary>
public static class OidcSetup
{
    public const string Scheme = "oidc";

    public static AuthenticationBuilder AddCockpitOidc(this AuthenticationBuilder builder, AuthOptions auth)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(auth);
        if (auth.Oidc is not { } oidc) return builder;

        return builder.AddOpenIdConnect(Scheme, options =>
        {
            options.Authority = oidc.Authority;
            options.ClientId = oidc.ClientId;
            options.ClientSecret = oidc.ClientSecret;
            options.ResponseType = "code";
            options.UsePkce = true;
            options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.SaveTokens = false;
            options.MapInboundClaims = false;
            options.Scope.Clear();
            foreach (var scope in oidc.ScopeList) options.Scope.Add(scope);
            options.Events.OnTokenValidated = context =>
            {
                var claims = context.Principal!;
                var role = claims.FindAll(oidc.RoleClaim)
                    .Select(c => CockpitRoles.TryParse(c.Value, out var named) ? named.Value : CockpitRole.None)
                    .DefaultIfEmpty(oidc.DefaultRole)
                    .Max();
                if (role == CockpitRole.None)
                {
                    context.Fail($"the token names no cockpit role in '{oidc.RoleClaim}' and AUTH_OIDC_DEFAULT_ROLE is none");
                    return Task.CompletedTask;
                }

                var subject = claims.FindFirst("sub")?.Value ?? "unknown";
                var name = claims.FindFirst("name")?.Value ?? claims.FindFirst("preferred_username")?.Value ?? subject;
                context.Principal = SessionClaims.Session("oidc:" + subject, name, SessionClaims.OidcLogin, role);
                context.Response.Cookies.Append(SessionClaims.CsrfCookie, SessionClaims.CsrfToken(context.Principal)!,
                    AuthEndpoints.CsrfCookieOptions(context.HttpContext, auth));
                return Task.CompletedTask;
            };
            options.Events.OnRemoteFailure = context =>
            {
                // Back to the cockpit, which shows that the sign-in failed, instead of an exception page.
                context.Response.Redirect("/?login=failed");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }
}

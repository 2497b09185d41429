using Cockpit.Security;
using Cockpit.Settings;
using Cockpit.Silo.Configuration;
using Cockpit.Silo.Tokens;
using Cockpit.Storage.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Npgsql;

namespace Cockpit.Silo.Security;

/// <summary>
/// People's sessions, API tokens and roles, CSRF and origin checks, rate limits, and the key ring every silo shares. Agents prove
/// themselves separately (AGENT_REGISTRATION_TOKEN, see AgentBridge). Settings: <see cref="AuthOptions"/>,
/// <see cref="OidcOptions"/>, <see cref="RateLimitOptions"/>, <see cref="TrustedProxyOptions"/>.
/// </summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>Data Protection's application name: the same on every silo, or cookies of one would not open on another.</summary>
    public const string ApplicationName = "cockpit";

    public static IServiceCollection AddCockpitSecurity(this IServiceCollection services, IConfiguration config)
    {
        // Read now rather than at start: the authentication handlers below are chosen and configured from them.
        var auth = SettingBinder.Read<AuthOptions>(config);
        var oidc = SettingBinder.Read<OidcOptions>(config);
        auth.Oidc = oidc.Enabled ? oidc : null;
        if (auth.DevLoginRefusal(SettingBinder.Read<SiloOptions>(config).BindIp) is { } refusal) throw new SettingException(refusal);
        services.AddSingleton(auth);
        services.AddApiTokens();

        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>()
            .Configure<NpgsqlDataSource>((options, dataSource) => options.XmlRepository = new PostgresXmlRepository(dataSource));
        services.AddHostedService<DataProtectionKeyBootstrap>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
            {
                cookie.Cookie.Name = SessionClaims.SessionCookie;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = auth.CookieSecure;
                cookie.ExpireTimeSpan = auth.SessionLifetime;
                cookie.SlidingExpiration = true;
                // An API answers with status codes, never with a redirect to a login page.
                cookie.Events.OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden);
            })
            .AddCockpitOidc(auth);

        services.AddAuthorization(options =>
        {
            foreach (var role in new[] { CockpitRole.Viewer, CockpitRole.Operator, CockpitRole.Admin })
            {
                options.AddPolicy(CockpitPolicies.For(role), policy => policy.AddRequirements(new RoleRequirement(role)));
            }

            // Endpoints that name no policy: reading needs viewer, changing needs operator.
            options.FallbackPolicy = new AuthorizationPolicyBuilder().AddRequirements(RoleRequirement.ByMethod).Build();
        });
        services.AddSingleton<IAuthorizationHandler, RoleRequirementHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();

        services.AddCockpitRateLimits(SettingBinder.Read<RateLimitOptions>(config));

        var proxies = SettingBinder.Read<TrustedProxyOptions>(config).Parse();
        services.AddSingleton(proxies);
        services.Configure<ForwardedHeadersOptions>(proxies.Configure);
        return services;
    }

    /// <summary>
    /// The security middleware, in order (the client's address and scheme from trusted proxies, session cookies, API
    /// tokens, guest role, rate limits, CSRF and origin, authorization), and the /api/auth and /api/tokens endpoints. Call it before anything that
    /// serves content, the cockpit's static files included.
    /// </summary>
    public static WebApplication UseCockpitSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<TrustedProxies>().Any) app.UseForwardedHeaders();
        app.UseAuthentication();
        app.UseMiddleware<ApiTokenMiddleware>();
        app.UseMiddleware<GuestPrincipalMiddleware>();
        app.UseRateLimiter();
        app.UseMiddleware<CsrfMiddleware>();
        app.UseAuthorization();
        app.MapAuthEndpoints();
        app.MapApiTokenEndpoints();
        return app;
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}

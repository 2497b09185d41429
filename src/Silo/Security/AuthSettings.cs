using Cockpit.Security;
using Cockpit.Silo.Configuration;

namespace Cockpit.Silo.Security;

/// <summary>Reads <see cref="AuthOptions"/> and <see cref="RateLimitOptions"/>; a bad value stops the silo naming the key.</summary>
public static class AuthSettings
{
    public static AuthOptions From(IConfiguration config)
    {
        var defaults = new AuthOptions();
        var guest = Role(config, "AUTH_GUEST_ROLE", defaults.GuestRole);
        if (guest == CockpitRole.Admin)
        {
            throw new SettingException("Setting AUTH_GUEST_ROLE='admin' is not allowed: guests may be none, viewer or operator.");
        }

        var devLogin = Flag(config, "AUTH_DEV_LOGIN", defaults.DevLogin);
        var bind = SiloSettings.From(config).BindIp;
        // Dev sign-in makes anyone an admin: fine on this machine, not on an address others reach by accident.
        if (devLogin && !System.Net.IPAddress.IsLoopback(bind) && !Flag(config, "AUTH_DEV_LOGIN_ANY_ADDRESS", false))
        {
            throw new SettingException(
                $"Setting AUTH_DEV_LOGIN=true signs anyone in as admin, so it needs ORCHESTRATOR_BIND on loopback (127.0.0.1, ::1 or " +
                $"localhost), not '{bind}'; AUTH_DEV_LOGIN_ANY_ADDRESS=true allows it on any address.");
        }

        return new AuthOptions
        {
            GuestRole = guest,
            DevLogin = devLogin,
            SessionLifetime = TimeSpan.FromHours(Settings.Number(config, "AUTH_SESSION_HOURS", (int)defaults.SessionLifetime.TotalHours, 1, 24 * 30)),
            CookieSecure = Settings.Text(config, "AUTH_COOKIE_SECURE", "auto").ToLowerInvariant() switch
            {
                "auto" => CookieSecurePolicy.SameAsRequest,
                "always" => CookieSecurePolicy.Always,
                "never" => CookieSecurePolicy.None,
                var other => throw new SettingException($"Setting AUTH_COOKIE_SECURE='{other}' is not auto, always or never."),
            },
            Oidc = OidcFrom(config),
        };
    }

    public static RateLimitOptions RateLimitsFrom(IConfiguration config)
    {
        var defaults = new RateLimitOptions();
        return new RateLimitOptions
        {
            AuthPerMinute = Settings.Number(config, "AUTH_RATE_LIMIT_PER_MINUTE", defaults.AuthPerMinute, 0, 1_000_000),
            AgentRegistrationsPerMinute = Settings.Number(config, "AGENT_REGISTRATION_RATE_LIMIT_PER_MINUTE", defaults.AgentRegistrationsPerMinute, 0, 1_000_000),
            ApiTokenPerMinute = Settings.Number(config, "API_TOKEN_RATE_LIMIT_PER_MINUTE", defaults.ApiTokenPerMinute, 0, 1_000_000),
        };
    }

    private static OidcOptions? OidcFrom(IConfiguration config)
    {
        var authority = config["AUTH_OIDC_AUTHORITY"];
        if (string.IsNullOrWhiteSpace(authority)) return null;
        if (!Uri.TryCreate(authority.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new SettingException($"Setting AUTH_OIDC_AUTHORITY='{authority}' is not an absolute http(s) URL.");
        }

        var clientId = config["AUTH_OIDC_CLIENT_ID"];
        if (string.IsNullOrWhiteSpace(clientId))
        {
            throw new SettingException("Setting AUTH_OIDC_CLIENT_ID is required when AUTH_OIDC_AUTHORITY is set.");
        }

        var defaults = new OidcOptions { Authority = uri, ClientId = clientId.Trim() };
        var scopes = config["AUTH_OIDC_SCOPES"];
        return defaults with
        {
            ClientSecret = string.IsNullOrWhiteSpace(config["AUTH_OIDC_CLIENT_SECRET"]) ? null : config["AUTH_OIDC_CLIENT_SECRET"]!.Trim(),
            RoleClaim = Settings.Text(config, "AUTH_OIDC_ROLE_CLAIM", defaults.RoleClaim),
            DefaultRole = Role(config, "AUTH_OIDC_DEFAULT_ROLE", defaults.DefaultRole),
            Scopes = string.IsNullOrWhiteSpace(scopes) ? defaults.Scopes : scopes.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries),
            RequireHttpsMetadata = Flag(config, "AUTH_OIDC_REQUIRE_HTTPS_METADATA", defaults.RequireHttpsMetadata),
        };
    }

    private static CockpitRole Role(IConfiguration config, string key, CockpitRole fallback)
    {
        var raw = config[key];
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        return CockpitRoles.TryParse(raw, out var role)
            ? role.Value
            : throw new SettingException($"Setting {key}='{raw}' is not a role (none, viewer, operator, admin).");
    }

    private static bool Flag(IConfiguration config, string key, bool fallback)
    {
        var raw = config[key];
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        return raw.Trim().ToLowerInvariant() switch
        {
            "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            _ => throw new SettingException($"Setting {key}='{raw}' is not true or false."),
        };
    }
}

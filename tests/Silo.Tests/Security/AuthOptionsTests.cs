using System.Net;
using Cockpit.Security;
using Cockpit.Settings;
using Cockpit.Silo.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Cockpit.Silo.Tests.Security;

/// <summary>The sign-in settings' rules: never an admin guest, dev sign-in only on loopback unless asked, SSO complete.</summary>
public sealed class AuthOptionsTests
{
    private static T Read<T>(params (string Key, string Value)[] values) where T : new() =>
        SettingBinder.Read<T>(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build());

    [Theory]
    [InlineData(false, "0.0.0.0", false, true)]
    [InlineData(true, "127.0.0.1", false, true)]
    [InlineData(true, "::1", false, true)]
    [InlineData(true, "0.0.0.0", false, false)]
    [InlineData(true, "10.1.2.3", false, false)]
    [InlineData(true, "0.0.0.0", true, true)]
    public void Dev_sign_in_needs_loopback_unless_any_address_is_asked_for(bool devLogin, string bind, bool anyAddress, bool allowed)
    {
        var options = new AuthOptions { DevLogin = devLogin, DevLoginAnyAddress = anyAddress };

        var refusal = options.DevLoginRefusal(IPAddress.Parse(bind));

        (refusal is null).ShouldBe(allowed, refusal);
        if (!allowed) refusal.ShouldBe($"AUTH_DEV_LOGIN=true signs anyone in as admin, so it needs ORCHESTRATOR_BIND on loopback (127.0.0.1, ::1 or localhost), not '{bind}'; AUTH_DEV_LOGIN_ANY_ADDRESS=true allows it on any address.");
    }

    [Theory]
    [InlineData("none", CockpitRole.None)]
    [InlineData("Viewer", CockpitRole.Viewer)]
    [InlineData("operator", CockpitRole.Operator)]
    public void Guests_may_be_none_viewer_or_operator(string text, CockpitRole role) =>
        Read<AuthOptions>(("AUTH_GUEST_ROLE", text)).GuestRole.ShouldBe(role);

    [Fact]
    public void Guests_are_never_admins()
    {
        Should.Throw<SettingException>(() => Read<AuthOptions>(("AUTH_GUEST_ROLE", "admin")))
            .Message.ShouldBe("AUTH_GUEST_ROLE='admin' is not allowed: guests may be none, viewer or operator.");
        Should.Throw<SettingException>(() => Read<AuthOptions>(("AUTH_GUEST_ROLE", "root")))
            .Message.ShouldBe("AUTH_GUEST_ROLE='root' is not one of none, viewer, operator, admin.");
    }

    [Theory]
    [InlineData("auto", CookieSecurePolicy.SameAsRequest)]
    [InlineData("ALWAYS", CookieSecurePolicy.Always)]
    [InlineData("never", CookieSecurePolicy.None)]
    public void The_cookie_policy_follows_AUTH_COOKIE_SECURE(string text, CookieSecurePolicy policy) =>
        Read<AuthOptions>(("AUTH_COOKIE_SECURE", text)).CookieSecure.ShouldBe(policy);

    [Fact]
    public void Defaults_are_a_viewer_guest_and_a_working_day_session()
    {
        var options = Read<AuthOptions>();

        (options.GuestRole, options.DevLogin, options.SessionLifetime, options.CookieSecure)
            .ShouldBe((CockpitRole.Viewer, false, TimeSpan.FromHours(12), CookieSecurePolicy.SameAsRequest));
        Should.Throw<SettingException>(() => Read<AuthOptions>(("AUTH_COOKIE_SECURE", "sometimes")))
            .Message.ShouldBe("AUTH_COOKIE_SECURE='sometimes' is not auto, always or never.");
    }

    [Fact]
    public void Single_sign_on_is_off_without_an_authority_and_needs_a_client_id_with_one()
    {
        Read<OidcOptions>().Enabled.ShouldBeFalse();
        Should.Throw<SettingException>(() => Read<OidcOptions>(("AUTH_OIDC_AUTHORITY", "https://login.example.com")))
            .Message.ShouldBe("AUTH_OIDC_CLIENT_ID is required when AUTH_OIDC_AUTHORITY is set.");
        Should.Throw<SettingException>(() => Read<OidcOptions>(("AUTH_OIDC_AUTHORITY", "login.example.com"), ("AUTH_OIDC_CLIENT_ID", "cockpit")))
            .Message.ShouldBe("AUTH_OIDC_AUTHORITY='login.example.com' is not an absolute http(s) URL.");

        var oidc = Read<OidcOptions>(("AUTH_OIDC_AUTHORITY", "https://login.example.com/realms/x"), ("AUTH_OIDC_CLIENT_ID", "cockpit"),
            ("AUTH_OIDC_SCOPES", "openid, profile email"));
        (oidc.Enabled, oidc.DefaultRole, oidc.RoleClaim, oidc.RequireHttpsMetadata).ShouldBe((true, CockpitRole.Viewer, "cockpit_role", true));
        oidc.ScopeList.ShouldBe(["openid", "profile", "email"]);
    }

    [Fact]
    public void Trusted_proxies_are_addresses_or_networks()
    {
        var proxies = Read<TrustedProxyOptions>(("TRUSTED_PROXIES", "10.42.0.0/16, 192.168.1.10 ::1")).Parse();

        proxies.Networks.Select(n => n.ToString()).ShouldBe(["10.42.0.0/16", "192.168.1.10/32", "::1/128"]);
        Read<TrustedProxyOptions>().Parse().Any.ShouldBeFalse();
        Should.Throw<SettingException>(() => Read<TrustedProxyOptions>(("TRUSTED_PROXIES", "10.42.0.0/16,ingress")))
            .Message.ShouldBe("TRUSTED_PROXIES: 'ingress' is neither an IP address nor a CIDR network (e.g. 10.42.0.0/16).");
    }
}

using Cockpit.EndToEnd.Tests.Support;

namespace Cockpit.EndToEnd.Tests.Security;

/// <summary>
/// Two silos of one cluster, configured as an operator would before exposing Cockpit: the main silo with the production
/// guest role (viewer), the locked one with guests off (none) and no dev login; both require agent tokens and have low
/// rate limits the flood tests can reach. Sessions of every role, signed in on the main silo.
/// </summary>
public sealed class SecurityFixture : IAsyncLifetime
{
    public const string RegistrationToken = "e2e-registration-token-0123456789abcdef";
    public const int RegistrationsPerMinute = 20;
    public const int AuthRequestsPerMinute = 30;
    public const int ApiTokenRequestsPerMinute = 40;

    /// <summary>The one address whose X-Forwarded-For the silos believe (TRUSTED_PROXIES), as an ingress's would be.</summary>
    public const string TrustedProxy = "127.0.0.46";

    private SystemUnderTest? _system;

    /// <summary>The locked silo's single sign-on provider (discovery only).</summary>
    public FakeOidcProvider Oidc { get; } = new();

    public SystemUnderTest System => _system!;
    public SiloProcess Silo { get; private set; } = null!;
    public SiloProcess LockedSilo { get; private set; } = null!;
    public CockpitClient Guest { get; private set; } = null!;
    public CockpitClient Viewer { get; private set; } = null!;
    public CockpitClient Operator { get; private set; } = null!;
    public CockpitClient Admin { get; private set; } = null!;

    public static Dictionary<string, string> Hardened(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["AUTH_GUEST_ROLE"] = "viewer",
            ["AGENT_REGISTRATION_TOKEN"] = RegistrationToken,
            ["AGENT_REGISTRATION_RATE_LIMIT_PER_MINUTE"] = RegistrationsPerMinute.ToString(),
            ["AUTH_RATE_LIMIT_PER_MINUTE"] = AuthRequestsPerMinute.ToString(),
            ["API_TOKEN_RATE_LIMIT_PER_MINUTE"] = ApiTokenRequestsPerMinute.ToString(),
            ["AGENT_OFFLINE_AFTER_SECONDS"] = "3600",
            ["TRUSTED_PROXIES"] = TrustedProxy,
        };
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    public async Task InitializeAsync()
    {
        _system = await SystemUnderTest.CreateAsync();
        Silo = await _system.StartSiloAsync(Hardened());
        LockedSilo = await _system.StartSiloAsync(Hardened(("AUTH_GUEST_ROLE", "none"), ("AUTH_DEV_LOGIN", "false"),
            ("AUTH_OIDC_AUTHORITY", Oidc.Authority.ToString()), ("AUTH_OIDC_CLIENT_ID", "cockpit-e2e"), ("AUTH_OIDC_REQUIRE_HTTPS_METADATA", "false")));
        Guest = Silo.Client;
        Viewer = await SignedInAsync("viewer");
        Operator = await SignedInAsync("operator");
        Admin = await SignedInAsync("admin");
    }

    private async Task<CockpitClient> SignedInAsync(string role)
    {
        var client = new CockpitClient(Silo.BaseAddress);
        await client.SignInAsync(role);
        return client;
    }

    public CockpitClient As(string role) => role switch
    {
        "guest" => Guest,
        "viewer" => Viewer,
        "operator" => Operator,
        "admin" => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public string Diagnostics() => Silo.Tail() + "\n" + LockedSilo.Tail();

    public async Task DisposeAsync()
    {
        foreach (var client in new[] { Viewer, Operator, Admin }) client?.Dispose();
        if (_system is not null) await _system.DisposeAsync();
        Oidc.Dispose();
    }
}

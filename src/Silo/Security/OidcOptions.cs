using Cockpit.Security;

namespace Cockpit.Silo.Security;

/// <summary>An OpenID Connect provider people sign in with (authorization code flow). Read by <see cref="AuthSettings"/>.</summary>
public sealed record OidcOptions
{
    /// <summary>AUTH_OIDC_AUTHORITY: the issuer URL; its <c>/.well-known/openid-configuration</c> is read at the first sign-in.</summary>
    public required Uri Authority { get; init; }

    /// <summary>AUTH_OIDC_CLIENT_ID: the client registered at the provider for this cockpit. Required with an authority.</summary>
    public required string ClientId { get; init; }

    /// <summary>AUTH_OIDC_CLIENT_SECRET: that client's secret. Default: none (a public client).</summary>
    public string? ClientSecret { get; init; }

    /// <summary>
    /// AUTH_OIDC_ROLE_CLAIM: the ID-token claim whose values name cockpit roles (viewer, operator, admin; the highest
    /// wins; other values are ignored). Default: <c>cockpit_role</c>. Map your provider's groups to these values there.
    /// </summary>
    public string RoleClaim { get; init; } = "cockpit_role";

    /// <summary>
    /// AUTH_OIDC_DEFAULT_ROLE: the role of a signed-in person whose token names none. Default: viewer. <c>none</c> lets
    /// only people with a role claim in.
    /// </summary>
    public CockpitRole DefaultRole { get; init; } = CockpitRole.Viewer;

    /// <summary>AUTH_OIDC_SCOPES: scopes asked for, space separated. Default: <c>openid profile</c>.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = ["openid", "profile"];

    /// <summary>
    /// AUTH_OIDC_REQUIRE_HTTPS_METADATA: refuse an authority that is not https. Default: true; false only for a provider
    /// on the same machine in tests.
    /// </summary>
    public bool RequireHttpsMetadata { get; init; } = true;
}

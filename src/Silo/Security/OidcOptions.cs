using System.ComponentModel.DataAnnotations;
using Cockpit.Security;

namespace Cockpit.Silo.Security;

/// <summary>An OpenID Connect provider people sign in with (authorization code flow), when AUTH_OIDC_AUTHORITY is set.</summary>
public sealed class OidcOptions : IValidatableObject
{
    /// <summary>
    /// AUTH_OIDC_AUTHORITY: the issuer URL; its <c>/.well-known/openid-configuration</c> is read at the first sign-in.
    /// Default: unset, no single sign-on.
    /// </summary>
    [ConfigurationKeyName("AUTH_OIDC_AUTHORITY")]
    public string? Authority { get; set; }

    /// <summary>AUTH_OIDC_CLIENT_ID: the client registered at the provider for this cockpit. Required with an authority.</summary>
    [ConfigurationKeyName("AUTH_OIDC_CLIENT_ID")]
    public string? ClientId { get; set; }

    /// <summary>AUTH_OIDC_CLIENT_SECRET: that client's secret. Default: none (a public client).</summary>
    [ConfigurationKeyName("AUTH_OIDC_CLIENT_SECRET")]
    public string? ClientSecret { get; set; }

    /// <summary>
    /// AUTH_OIDC_ROLE_CLAIM: the ID-token claim whose values name cockpit roles (viewer, operator, admin; the highest
    /// wins; other values are ignored). Default: <c>cockpit_role</c>, a name no provider uses for something else. Map
    /// your provider's groups to these values there.
    /// </summary>
    [ConfigurationKeyName("AUTH_OIDC_ROLE_CLAIM")]
    public string RoleClaim { get; set; } = "cockpit_role";

    /// <summary>
    /// AUTH_OIDC_DEFAULT_ROLE: the role of a signed-in person whose token names none. Default: viewer, as a guest's.
    /// <c>none</c> lets only people with a role claim in.
    /// </summary>
    [ConfigurationKeyName("AUTH_OIDC_DEFAULT_ROLE")]
    public CockpitRole DefaultRole { get; set; } = CockpitRole.Viewer;

    /// <summary>AUTH_OIDC_SCOPES: scopes asked for, space or comma separated. Default: <c>openid profile</c>, enough for a name.</summary>
    [ConfigurationKeyName("AUTH_OIDC_SCOPES")]
    public string Scopes { get; set; } = "openid profile";

    /// <summary>
    /// AUTH_OIDC_REQUIRE_HTTPS_METADATA: refuse an authority that is not https. Default: true; false only for a provider
    /// on the same machine in tests.
    /// </summary>
    [ConfigurationKeyName("AUTH_OIDC_REQUIRE_HTTPS_METADATA")]
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Whether single sign-on is configured at all.</summary>
    public bool Enabled => Authority is not null;

    /// <summary>The <see cref="Scopes"/> one by one.</summary>
    public IReadOnlyList<string> ScopeList => Scopes.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Authority is null) yield break;
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult($"AUTH_OIDC_AUTHORITY='{Authority}' is not an absolute http(s) URL.", [nameof(Authority)]);
        }
        if (ClientId is null)
        {
            yield return new ValidationResult("AUTH_OIDC_CLIENT_ID is required when AUTH_OIDC_AUTHORITY is set.", [nameof(ClientId)]);
        }
    }
}

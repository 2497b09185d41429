using System.ComponentModel.DataAnnotations;

namespace Cockpit.Silo.Security;

/// <summary>Where the silo learns which proxies to believe.</summary>
public sealed class TrustedProxyOptions : IValidatableObject
{
    /// <summary>
    /// TRUSTED_PROXIES: the reverse proxies (addresses or CIDR networks, comma- or space-separated) whose
    /// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the silo believes. Default: none — the headers are ignored and
    /// the TCP peer is the client, so nobody can pick their own address by sending the header. Behind an ingress set it to
    /// the ingress pods' network (k3s: the cluster CIDR, 10.42.0.0/16 by default); then per-address rate limits see each
    /// client instead of one shared proxy address, and cookies and sign-in redirects see https where the proxy ended TLS.
    /// </summary>
    [ConfigurationKeyName("TRUSTED_PROXIES")]
    public string? Proxies { get; set; }

    public TrustedProxies Parse() => TrustedProxies.TryParse(Proxies, out _) ?? new TrustedProxies([]);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TrustedProxies.TryParse(Proxies, out var bad) is null)
        {
            yield return new ValidationResult(
                $"TRUSTED_PROXIES: '{bad}' is neither an IP address nor a CIDR network (e.g. 10.42.0.0/16).", [nameof(Proxies)]);
        }
    }
}

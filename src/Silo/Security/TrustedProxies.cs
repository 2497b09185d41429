using Cockpit.Silo.Configuration;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Cockpit.Silo.Security;

/// <summary>
/// TRUSTED_PROXIES: the reverse proxies (addresses or CIDR networks, comma- or space-separated) whose
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the silo believes. Default: none — the headers are ignored and
/// the TCP peer is the client, so nobody can pick their own address by sending the header. Behind an ingress set it to
/// the ingress pods' network (k3s: the cluster CIDR, 10.42.0.0/16 by default); then per-address rate limits see each
/// client instead of one shared proxy address, and cookies and sign-in redirects see https where the proxy ended TLS.
/// </summary>
public sealed record TrustedProxies(IReadOnlyList<IPNetwork> Networks)
{
    public const string Key = "TRUSTED_PROXIES";

    public bool Any => Networks.Count > 0;

    /// <summary>Reads <see cref="Key"/>; an entry that is neither an address nor a network stops the silo naming it.</summary>
    public static TrustedProxies From(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var networks = new List<IPNetwork>();
        foreach (var entry in (config[Key] ?? "").Split([',', ' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (IPNetwork.TryParse(entry, out var network)) networks.Add(network);
            else if (IPAddress.TryParse(entry, out var address)) networks.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            else throw new SettingException($"Setting {Key}: '{entry}' is neither an IP address nor a CIDR network (e.g. 10.42.0.0/16).");
        }
        return new TrustedProxies(networks);
    }

    /// <summary>Believes the forwarding headers only from these networks, walking back through every trusted hop.</summary>
    public void Configure(ForwardedHeadersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // Not the defaults (loopback): only what the operator listed.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var network in Networks) options.KnownIPNetworks.Add(network);
        // Several proxies in a row (a load balancer, then the ingress) each append one address; stop at the first
        // address that is not a trusted proxy, which is the client.
        options.ForwardLimit = null;
    }
}

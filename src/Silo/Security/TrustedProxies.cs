using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Cockpit.Silo.Security;

/// <summary>The reverse proxies whose forwarding headers the silo believes (<see cref="TrustedProxyOptions"/>).</summary>
public sealed record TrustedProxies(IReadOnlyList<IPNetwork> Networks)
{
    public bool Any => Networks.Count > 0;

    /// <summary>The entries of <paramref name="list"/> (comma or space separated); null names the first bad entry.</summary>
    public static TrustedProxies? TryParse(string? list, out string? badEntry)
    {
        badEntry = null;
        var networks = new List<IPNetwork>();
        foreach (var entry in (list ?? "").Split([',', ' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (IPNetwork.TryParse(entry, out var network)) networks.Add(network);
            else if (IPAddress.TryParse(entry, out var address)) networks.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            else
            {
                badEntry = entry;
                return null;
            }
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

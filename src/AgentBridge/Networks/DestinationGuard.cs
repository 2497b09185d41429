using System.Net;
using System.Net.Sockets;
using Cockpit.Grains.Ports;

namespace Cockpit.AgentBridge.Networks;

/// <summary>
/// Decides whether an agent-supplied address may receive pushes. The orchestrator connects to whatever address an
/// agent registers, so without this an agent (or anyone who can register) could aim it at cloud metadata
/// (169.254.169.254), at the orchestrator's own loopback services, or at anything else on its network.
/// </summary>
/// <remarks>
/// Rules, in order: the value must be an IP literal (a host name could resolve differently at push time than at
/// check time: DNS rebinding); it must not be link-local, unspecified or multicast, whatever the configuration says
/// (no pod lives there, and link-local is where metadata services live); it must be inside AGENT_ALLOWED_NETWORKS.
/// </remarks>
public sealed class DestinationGuard
{
    private const int MaxEchoedLength = 64;

    // Kept out of reach of configuration: "0.0.0.0/0" in AGENT_ALLOWED_NETWORKS must still not open these.
    private static readonly (IPNetwork Network, string What)[] AlwaysRefused =
    [
        // 0.0.0.0/8 rather than 0.0.0.0 alone: Linux connects 0.x.y.z to the local host, and no pod can own one.
        (IPNetwork.Parse("0.0.0.0/8"), "unspecified"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        (IPNetwork.Parse("255.255.255.255/32"), "broadcast"),
        (IPNetwork.Parse("::/128"), "unspecified"),
        (IPNetwork.Parse("fe80::/10"), "link-local"),
        (IPNetwork.Parse("ff00::/8"), "multicast"),
    ];

    public DestinationGuard(AllowedNetworks allowedNetworks)
    {
        ArgumentNullException.ThrowIfNull(allowedNetworks);
        AllowedNetworks = allowedNetworks;
    }

    public AllowedNetworks AllowedNetworks { get; }

    /// <summary>Checks a pod_ip as an agent sent it.</summary>
    public DestinationCheck Check(string? podIp)
    {
        if (!IpLiteral.TryParse(podIp, out var address, out var why))
        {
            return DestinationCheck.Refused($"pod_ip '{Echo(podIp)}' is refused: {why}");
        }

        return Check(address, podIp!);
    }

    /// <summary>Checks a pod's address and port: what the push client does before every push.</summary>
    public DestinationCheck Check(PodAddress pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (pod.Port is < 1 or > IPEndPoint.MaxPort)
        {
            return DestinationCheck.Refused($"pod_port {pod.Port} is refused: it must be from 1 to {IPEndPoint.MaxPort}");
        }

        return Check(pod.Ip);
    }

    public DestinationCheck Check(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return Check(address, address.ToString());
    }

    private DestinationCheck Check(IPAddress address, string asGiven)
    {
        var normalized = AllowedNetworks.Normalize(address);
        foreach (var (network, what) in AlwaysRefused)
        {
            if (network.Contains(normalized))
            {
                return DestinationCheck.Refused($"pod_ip '{Echo(asGiven)}' is refused: {what} addresses never receive pushes");
            }
        }

        if (normalized.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            return DestinationCheck.Refused($"pod_ip '{Echo(asGiven)}' is refused: not an IPv4 or IPv6 address");
        }

        if (!AllowedNetworks.Contains(normalized))
        {
            return DestinationCheck.Refused($"pod_ip '{Echo(asGiven)}' is refused: it is outside AGENT_ALLOWED_NETWORKS");
        }

        return DestinationCheck.Allowed(normalized);
    }

    /// <summary>The refused value goes back to the agent and into logs: keep it short and printable.</summary>
    private static string Echo(string? value)
    {
        if (value is null)
        {
            return "";
        }

        var printable = new string(value.Take(MaxEchoedLength).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return value.Length > MaxEchoedLength ? printable + "…" : printable;
    }
}

using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Cockpit.Agent.Configuration;

/// <summary>Decides which address the agent registers, because the bind address is often not one the orchestrator can reach.</summary>
public static class PodAddressResolver
{
    /// <summary>POD_IP wins; then a specific bind address; for a wildcard bind, the first non-loopback IPv4 or 127.0.0.1.</summary>
    public static string Resolve(string? podIp, string bindAddress, IEnumerable<IPAddress> localAddresses)
    {
        ArgumentNullException.ThrowIfNull(localAddresses);
        if (!string.IsNullOrWhiteSpace(podIp)) return podIp.Trim();
        if (!IsWildcard(bindAddress)) return bindAddress;
        var first = localAddresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        return first?.ToString() ?? IPAddress.Loopback.ToString();
    }

    public static string Resolve(AgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Resolve(options.PodIp, options.BindAddress, IsWildcard(options.BindAddress) ? UpInterfaceAddresses() : []);
    }

    public static bool IsWildcard(string bindAddress) =>
        bindAddress is "0.0.0.0" or "::" or "*" or "+" or "[::]";

    /// <summary>Addresses of interfaces that are up, in the order the OS lists them.</summary>
    public static IEnumerable<IPAddress> UpInterfaceAddresses()
    {
        NetworkInterface[] interfaces;
        try
        {
            interfaces = NetworkInterface.GetAllNetworkInterfaces();
        }
        catch (NetworkInformationException)
        {
            // Some sandboxes forbid enumerating interfaces; loopback is still a usable answer.
            return [];
        }
        return interfaces
            .Where(i => i.OperationalStatus == OperationalStatus.Up)
            .SelectMany(i => i.GetIPProperties().UnicastAddresses.Select(u => u.Address))
            .ToList();
    }
}

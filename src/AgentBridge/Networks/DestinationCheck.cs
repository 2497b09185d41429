using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Cockpit.AgentBridge.Networks;

/// <summary>
/// The guard's verdict on a pod address: either the address to connect to, or why not.
/// </summary>
/// <remarks>
/// <see cref="Reason"/> names the offending value and the rule it broke, and nothing about the configuration, so it
/// can go back to an agent verbatim in a 4xx answer.
/// </remarks>
public sealed record DestinationCheck
{
    private DestinationCheck(IPAddress? address, string? reason)
    {
        Address = address;
        Reason = reason;
    }

    /// <summary>
    /// The address to connect to when allowed, normalised: an IPv4-mapped IPv6 address comes back as plain IPv4.
    /// Callers connect to this, never to the text they checked, so what was approved is what is reached.
    /// </summary>
    public IPAddress? Address { get; }

    /// <summary>Why the address was refused; null when allowed.</summary>
    public string? Reason { get; }

    [MemberNotNullWhen(true, nameof(Address))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsAllowed => Address is not null;

    public static DestinationCheck Allowed(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new DestinationCheck(address, null);
    }

    public static DestinationCheck Refused(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new DestinationCheck(null, reason);
    }

    public override string ToString() => IsAllowed ? $"allowed {Address}" : $"refused: {Reason}";
}

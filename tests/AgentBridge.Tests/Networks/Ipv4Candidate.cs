using System.Net;

namespace Cockpit.AgentBridge.Tests.Networks;

/// <summary>A generated IPv4 address, kept as octets so reference computations can read them directly.</summary>
public sealed record Ipv4Candidate(byte A, byte B, byte C, byte D)
{
    public IPAddress Address => new([A, B, C, D]);

    public override string ToString() => $"{A}.{B}.{C}.{D}";
}

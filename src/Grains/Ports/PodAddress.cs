namespace Cockpit.Grains.Ports;

/// <summary>Where an agent pod listens for job commands (seed: pod_ip, pod_port).</summary>
[GenerateSerializer, Immutable]
public sealed record PodAddress([property: Id(0)] string Ip, [property: Id(1)] int Port)
{
    public override string ToString() => Ip.Contains(':', StringComparison.Ordinal) ? $"[{Ip}]:{Port}" : $"{Ip}:{Port}";
}

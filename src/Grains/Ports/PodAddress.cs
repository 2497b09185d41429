namespace Cockpit.Grains.Ports;

/// <summary>Where an agent pod listens for job commands (seed: pod_ip, pod_port), and whose pod it is.</summary>
/// <param name="AgentId">
/// The agent listening there, so the push client can sign the push with that agent's token (AGENT_REGISTRATION_TOKEN);
/// the grain only names the agent, the credential is the client's business. Empty when no agent is meant (a probe).
/// </param>
[GenerateSerializer, Immutable]
public sealed record PodAddress([property: Id(0)] string Ip, [property: Id(1)] int Port, [property: Id(2)] Guid AgentId = default)
{
    public override string ToString() => Ip.Contains(':', StringComparison.Ordinal) ? $"[{Ip}]:{Port}" : $"{Ip}:{Port}";
}

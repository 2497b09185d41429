using System.Text.Json.Serialization;

namespace Cockpit.Protocol;

/// <summary>Answer to a registration (seed: AgentRegistrationResponse).</summary>
public sealed record AgentRegistrationResponse
{
    [JsonPropertyName("agent_id")]
    public required Guid AgentId { get; init; }

    [JsonPropertyName("heartbeat_interval_seconds")]
    public required int HeartbeatIntervalSeconds { get; init; }
}

using System.Text.Json.Serialization;

namespace Cockpit.Protocol;

/// <summary>Answer to a registration (seed: AgentRegistrationResponse).</summary>
public sealed record AgentRegistrationResponse
{
    [JsonPropertyName("agent_id")]
    public required Guid AgentId { get; init; }

    [JsonPropertyName("heartbeat_interval_seconds")]
    public required int HeartbeatIntervalSeconds { get; init; }

    /// <summary>
    /// An addition to the seed, present when the orchestrator requires agent credentials (AGENT_REGISTRATION_TOKEN): the
    /// token this agent must send as <c>Authorization: Bearer</c> on its heartbeats, deregistration and telemetry.
    /// Seed clients ignore it (and then only work against an orchestrator that requires none).
    /// </summary>
    [JsonPropertyName("agent_token")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AgentToken { get; init; }
}

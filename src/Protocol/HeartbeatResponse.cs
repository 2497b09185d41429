using System.Text.Json.Serialization;

namespace Cockpit.Protocol;

/// <summary>Answer to a heartbeat: the seed's <c>{ ok }</c>, plus the status the orchestrator now holds.</summary>
public sealed record HeartbeatResponse
{
    [JsonPropertyName("ok")]
    public bool Ok { get; init; } = true;

    [JsonPropertyName("status")]
    public string? Status { get; init; }
}

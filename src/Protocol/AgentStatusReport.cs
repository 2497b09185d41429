using System.Text.Json.Serialization;

namespace Cockpit.Protocol;

/// <summary>Agent → orchestrator answer to <c>GET /status</c> (and the body of <c>GET /health</c>).</summary>
public sealed record AgentStatusReport
{
    [JsonPropertyName("agent_id")]
    public Guid? AgentId { get; init; }

    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("current_job_id")]
    public Guid? CurrentJobId { get; init; }

    [JsonPropertyName("config_name")]
    public string? ConfigName { get; init; }

    [JsonPropertyName("progress")]
    public JobProgressReport? Progress { get; init; }
}

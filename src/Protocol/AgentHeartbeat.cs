using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cockpit.Protocol;

/// <summary>Body of <c>POST /api/agents/{id}/heartbeat</c> (seed: AgentHeartbeat).</summary>
/// <remarks>
/// <see cref="ErrorMessage"/>, <see cref="ErrorDetails"/> and <see cref="Progress"/> are additions a seed
/// agent may leave out: they let an agent say why it failed and how far its job has come.
/// </remarks>
public sealed record AgentHeartbeat
{
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("current_job_id")]
    public Guid? CurrentJobId { get; init; }

    [JsonPropertyName("metrics")]
    public AgentMetrics? Metrics { get; init; }

    [JsonPropertyName("error_message")]
    public string? ErrorMessage { get; init; }

    [JsonPropertyName("error_details")]
    public Dictionary<string, JsonElement>? ErrorDetails { get; init; }

    [JsonPropertyName("progress")]
    public JobProgressReport? Progress { get; init; }
}

using System.Text.Json.Serialization;

namespace Cockpit.Protocol;

/// <summary>How far the agent's current job has come; sent inside a heartbeat (an addition to the seed).</summary>
public sealed record JobProgressReport
{
    [JsonPropertyName("total_requirements")]
    public int? TotalRequirements { get; init; }

    [JsonPropertyName("processed_requirements")]
    public int? ProcessedRequirements { get; init; }

    /// <summary>A short human line: what the agent is doing now.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }
}

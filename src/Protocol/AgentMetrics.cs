using System.Text.Json.Serialization;

namespace Cockpit.Protocol;

/// <summary>The seed's heartbeat metrics.</summary>
public sealed record AgentMetrics
{
    [JsonPropertyName("memory_mb")]
    public double? MemoryMb { get; init; }

    [JsonPropertyName("cpu_percent")]
    public double? CpuPercent { get; init; }

    [JsonPropertyName("tokens_processed")]
    public long? TokensProcessed { get; init; }
}

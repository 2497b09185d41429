using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cockpit.Protocol.Telemetry;

/// <summary>One graph mutation as an agent sends it.</summary>
public sealed record GraphItemRequest
{
    [JsonPropertyName("job_id")]
    public Guid? JobId { get; init; }

    /// <summary>node_added, node_updated, node_removed, edge_added, edge_updated or edge_removed.</summary>
    [JsonPropertyName("op")]
    public string? Op { get; init; }

    [JsonPropertyName("element_id")]
    public string? ElementId { get; init; }

    [JsonPropertyName("labels")]
    public List<string?>? Labels { get; init; }

    [JsonPropertyName("edge_type")]
    public string? EdgeType { get; init; }

    [JsonPropertyName("from")]
    public string? From { get; init; }

    [JsonPropertyName("to")]
    public string? To { get; init; }

    [JsonPropertyName("properties")]
    public JsonElement? Properties { get; init; }

    [JsonPropertyName("at")]
    public string? At { get; init; }
}

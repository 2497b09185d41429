using System.Text.Json;

namespace Cockpit.Storage.Telemetry.Ingestion;

/// <summary>One graph mutation as an agent sends it.</summary>
public sealed class GraphItemRequest
{
    public Guid? JobId { get; set; }

    /// <summary>node_added, node_updated, node_removed, edge_added, edge_updated or edge_removed.</summary>
    public string? Op { get; set; }

    public string? ElementId { get; set; }

    public List<string?>? Labels { get; set; }

    public string? EdgeType { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public JsonElement? Properties { get; set; }

    public string? At { get; set; }
}

namespace Cockpit.Storage.Telemetry.Graph;

/// <summary>The mutations of the knowledge graph an agent reports.</summary>
public static class GraphOps
{
    public const string NodeAdded = "node_added";
    public const string NodeUpdated = "node_updated";
    public const string NodeRemoved = "node_removed";
    public const string EdgeAdded = "edge_added";
    public const string EdgeUpdated = "edge_updated";
    public const string EdgeRemoved = "edge_removed";

    public static IReadOnlyList<string> All { get; } = [NodeAdded, NodeUpdated, NodeRemoved, EdgeAdded, EdgeUpdated, EdgeRemoved];

    public static bool IsKnown(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);

    public static bool IsNodeOp(string op) => op.StartsWith("node_", StringComparison.Ordinal);
}

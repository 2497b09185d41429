namespace Cockpit.Storage.Telemetry.Graph;

/// <summary>A job's graph at one moment: nodes by id, and the edges whose two ends exist.</summary>
public sealed record GraphSnapshot(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges)
{
    public static GraphSnapshot Empty { get; } = new([], []);
}

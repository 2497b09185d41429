using System.Text.Json;

namespace Cockpit.Storage.Telemetry.Graph;

/// <summary>
/// Replays graph mutations into a snapshot. The rules, chosen so that a replay never fails whatever an agent sent:
/// an add of an existing element replaces it; an update merges properties (a null value removes the key) and
/// replaces labels, type or ends only when given, and creates the element if it is missing; removing a node
/// removes its edges (like Neo4j's DETACH DELETE); an edge whose ends do not both exist is left out of the
/// snapshot until they do.
/// </summary>
public sealed class GraphSnapshotBuilder
{
    private readonly Dictionary<string, NodeState> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EdgeState> _edges = new(StringComparer.Ordinal);

    /// <summary>Applies mutations in the order given (callers pass them ordered by time, then arrival).</summary>
    public static GraphSnapshot Replay(IEnumerable<GraphMutation> mutations)
    {
        ArgumentNullException.ThrowIfNull(mutations);
        var builder = new GraphSnapshotBuilder();
        foreach (var m in mutations) builder.Apply(m);
        return builder.Build();
    }

    public void Apply(GraphMutation mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        var id = mutation.ElementId;
        switch (mutation.Op)
        {
            case GraphOps.NodeAdded:
                _nodes[id] = new NodeState(mutation.Labels ?? [], Properties(mutation.Properties, null));
                break;
            case GraphOps.NodeUpdated:
                _nodes.TryGetValue(id, out var node);
                _nodes[id] = new NodeState(mutation.Labels ?? node?.Labels ?? [], Properties(mutation.Properties, node?.Properties));
                break;
            case GraphOps.NodeRemoved:
                _nodes.Remove(id);
                foreach (var edge in _edges.Where(e => e.Value.From == id || e.Value.To == id).Select(e => e.Key).ToList()) _edges.Remove(edge);
                break;
            case GraphOps.EdgeAdded:
                _edges[id] = new EdgeState(mutation.EdgeType ?? "", mutation.From ?? "", mutation.To ?? "", Properties(mutation.Properties, null));
                break;
            case GraphOps.EdgeUpdated:
                _edges.TryGetValue(id, out var current);
                _edges[id] = new EdgeState(
                    mutation.EdgeType ?? current?.Type ?? "",
                    mutation.From ?? current?.From ?? "",
                    mutation.To ?? current?.To ?? "",
                    Properties(mutation.Properties, current?.Properties));
                break;
            case GraphOps.EdgeRemoved:
                _edges.Remove(id);
                break;
            default:
                throw new ArgumentException($"unknown graph op '{mutation.Op}'", nameof(mutation));
        }
    }

    /// <summary>Nodes and edges ordered by id, so equal graphs compare equal.</summary>
    public GraphSnapshot Build() => new(
        [.. _nodes.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => new GraphNode(n.Key, n.Value.Labels, n.Value.Properties))],
        [.. _edges
            .Where(e => e.Value.Type.Length > 0 && _nodes.ContainsKey(e.Value.From) && _nodes.ContainsKey(e.Value.To))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new GraphEdge(e.Key, e.Value.Type, e.Value.From, e.Value.To, e.Value.Properties))]);

    private static SortedDictionary<string, JsonElement> Properties(JsonElement? given, IReadOnlyDictionary<string, JsonElement>? current)
    {
        var merged = current is null ? new SortedDictionary<string, JsonElement>(StringComparer.Ordinal) : new(current.ToDictionary(), StringComparer.Ordinal);
        if (given is not { ValueKind: JsonValueKind.Object } properties) return merged;
        foreach (var property in properties.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null) merged.Remove(property.Name);
            else merged[property.Name] = property.Value;
        }
        return merged;
    }

    private sealed record NodeState(IReadOnlyList<string> Labels, IReadOnlyDictionary<string, JsonElement> Properties);

    private sealed record EdgeState(string Type, string From, string To, IReadOnlyDictionary<string, JsonElement> Properties);
}

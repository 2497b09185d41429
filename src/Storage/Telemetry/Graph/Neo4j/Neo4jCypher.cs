using System.Text.Json;

namespace Cockpit.Storage.Telemetry.Graph.Neo4j;

/// <summary>
/// The Cypher the Neo4j mirror sends, kept to what Neo4j 3.x understands (no elementId, no CALL {}). Every node
/// is a <c>:CockpitNode</c> keyed by (job_id, element_id) and also carries the agent's labels; edges are
/// relationships of the agent's type with the same keys. Labels and properties are stored as JSON text
/// (<c>labels_json</c>, <c>properties_json</c>), which is what snapshots read back; top-level scalar properties are
/// copied onto the node as well so the graph can be browsed and queried in Neo4j. Labels are add-only on the
/// Neo4j node (Cypher cannot remove labels it does not name); <c>labels_json</c> is authoritative.
/// </summary>
public static class Neo4jCypher
{
    public const string NodeLabel = "CockpitNode";

    /// <summary>Property names the mirror uses itself; agent properties with these names stay in properties_json only.</summary>
    public static readonly IReadOnlySet<string> ReservedProperties = new HashSet<string>(StringComparer.Ordinal)
    {
        "job_id", "element_id", "labels_json", "properties_json", "edge_type",
    };

    /// <summary>
    /// Statements that make Neo4j hold <paramref name="current"/> for the changed elements: upsert the changed nodes
    /// that exist, re-create the changed edges that exist (and the edges touching upserted nodes, which may have
    /// become complete), delete what no longer exists. One transaction, so order matters: nodes before the edges
    /// between them, node deletions last (they take their edges with them).
    /// </summary>
    public static IReadOnlyList<Neo4jStatement> Mirror(Guid jobId, GraphSnapshot current, IReadOnlySet<string> changedNodes, IReadOnlySet<string> changedEdges)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(changedNodes);
        ArgumentNullException.ThrowIfNull(changedEdges);
        var nodes = current.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var edges = current.Edges.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var upserted = changedNodes.Where(nodes.ContainsKey).Order(StringComparer.Ordinal).ToList();
        var upsertedSet = upserted.ToHashSet(StringComparer.Ordinal);
        var edgeIds = changedEdges
            .Concat(current.Edges.Where(e => upsertedSet.Contains(e.From) || upsertedSet.Contains(e.To)).Select(e => e.Id))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var statements = new List<Neo4jStatement>();
        statements.AddRange(upserted.Select(id => UpsertNode(jobId, nodes[id])));
        // Deleting first makes a changed type or changed ends simple: the relationship is written anew.
        statements.AddRange(edgeIds.Select(id => DeleteEdge(jobId, id)));
        statements.AddRange(edgeIds.Where(edges.ContainsKey).Select(id => CreateEdge(jobId, edges[id])));
        statements.AddRange(changedNodes.Where(id => !nodes.ContainsKey(id)).Order(StringComparer.Ordinal).Select(id => DeleteNode(jobId, id)));
        return statements;
    }

    public static Neo4jStatement UpsertNode(Guid jobId, GraphNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var labels = string.Concat(node.Labels.Select(l => ":" + Quote(l)));
        var statement = $"MERGE (n:{NodeLabel} {{job_id: $job, element_id: $id}}) SET n = $props" + (labels.Length > 0 ? $" SET n{labels}" : "");
        var props = Scalars(node.Properties);
        props["job_id"] = jobId.ToString();
        props["element_id"] = node.Id;
        props["labels_json"] = JsonSerializer.Serialize(node.Labels);
        props["properties_json"] = JsonSerializer.Serialize(node.Properties);
        return new Neo4jStatement(statement, new Dictionary<string, object?> { ["job"] = jobId.ToString(), ["id"] = node.Id, ["props"] = props });
    }

    public static Neo4jStatement CreateEdge(Guid jobId, GraphEdge edge)
    {
        ArgumentNullException.ThrowIfNull(edge);
        var props = Scalars(edge.Properties);
        props["job_id"] = jobId.ToString();
        props["element_id"] = edge.Id;
        props["properties_json"] = JsonSerializer.Serialize(edge.Properties);
        return new Neo4jStatement(
            $"MATCH (a:{NodeLabel} {{job_id: $job, element_id: $from}}), (b:{NodeLabel} {{job_id: $job, element_id: $to}}) CREATE (a)-[r:{Quote(edge.Type)}]->(b) SET r = $props",
            new Dictionary<string, object?> { ["job"] = jobId.ToString(), ["from"] = edge.From, ["to"] = edge.To, ["props"] = props });
    }

    public static Neo4jStatement DeleteEdge(Guid jobId, string id) => new(
        $"MATCH (:{NodeLabel} {{job_id: $job}})-[r]->() WHERE r.element_id = $id DELETE r",
        new Dictionary<string, object?> { ["job"] = jobId.ToString(), ["id"] = id });

    public static Neo4jStatement DeleteNode(Guid jobId, string id) => new(
        $"MATCH (n:{NodeLabel} {{job_id: $job, element_id: $id}}) DETACH DELETE n",
        new Dictionary<string, object?> { ["job"] = jobId.ToString(), ["id"] = id });

    /// <summary>Reads a job's nodes: element_id, labels_json, properties_json.</summary>
    public static Neo4jStatement SnapshotNodes(Guid jobId) => new(
        $"MATCH (n:{NodeLabel} {{job_id: $job}}) RETURN n.element_id, n.labels_json, n.properties_json ORDER BY n.element_id",
        new Dictionary<string, object?> { ["job"] = jobId.ToString() });

    /// <summary>Reads a job's edges: element_id, type, from, to, properties_json.</summary>
    public static Neo4jStatement SnapshotEdges(Guid jobId) => new(
        $"MATCH (a:{NodeLabel} {{job_id: $job}})-[r]->(b:{NodeLabel} {{job_id: $job}}) RETURN r.element_id, type(r), a.element_id, b.element_id, r.properties_json ORDER BY r.element_id",
        new Dictionary<string, object?> { ["job"] = jobId.ToString() });

    /// <summary>The lookup index, in Neo4j 4.4+/5 syntax and in the 3.x syntax (tried in that order).</summary>
    public static IReadOnlyList<string> IndexStatements { get; } =
    [
        $"CREATE INDEX cockpit_node_element IF NOT EXISTS FOR (n:{NodeLabel}) ON (n.element_id)",
        $"CREATE INDEX ON :{NodeLabel}(element_id)",
    ];

    /// <summary>Backtick-quotes a label or type after checking it again: it goes into the query text.</summary>
    public static string Quote(string name) =>
        GraphNames.IsValid(name) ? $"`{name}`" : throw new ArgumentException($"'{name}' is not a valid label or type ({GraphNames.Rule})", nameof(name));

    /// <summary>Top-level strings, numbers and booleans, which Neo4j can store as properties; the rest stays in JSON.</summary>
    private static Dictionary<string, object?> Scalars(IReadOnlyDictionary<string, JsonElement> properties)
    {
        var scalars = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in properties)
        {
            if (ReservedProperties.Contains(key)) continue;
            object? scalar = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number when value.TryGetInt64(out var l) => l,
                JsonValueKind.Number => value.GetDouble(),
                _ => null,
            };
            if (scalar is not null) scalars[key] = scalar;
        }
        return scalars;
    }
}

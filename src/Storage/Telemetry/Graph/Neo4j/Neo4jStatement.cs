namespace Cockpit.Storage.Telemetry.Graph.Neo4j;

/// <summary>One Cypher statement of a request to Neo4j's transactional HTTP endpoint.</summary>
public sealed record Neo4jStatement(string Statement, IReadOnlyDictionary<string, object?> Parameters);

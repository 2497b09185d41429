namespace Cockpit.Storage.Telemetry.Graph;

/// <summary>
/// The knowledge graph of each job as a log of mutations (PostgreSQL), optionally mirrored into Neo4j
/// (NEO4J_URI). Snapshots and deltas behave the same either way.
/// </summary>
public interface IGraphStore
{
    /// <summary>Where snapshots may come from ("postgres" or "postgres+neo4j").</summary>
    string Backend { get; }

    /// <summary>Stores the mutations; one already stored (same job, element, op and time) is skipped. Returns how many were new.</summary>
    Task<int> AppendAsync(IReadOnlyList<GraphMutation> mutations, CancellationToken cancellationToken = default);

    /// <summary>The graph at <paramref name="at"/> (mutations with time ≤ at applied) and up to <paramref name="maxDeltas"/> mutations after it.</summary>
    Task<GraphTimeline> TimelineAsync(Guid jobId, DateTimeOffset? at, int maxDeltas, CancellationToken cancellationToken = default);
}

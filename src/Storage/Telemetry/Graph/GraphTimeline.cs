namespace Cockpit.Storage.Telemetry.Graph;

/// <summary>
/// The graph timeline's data (<c>GET /api/graph/changes/{id}</c>): the graph as it was at <see cref="At"/>, then
/// the mutations after it in order, to play forward.
/// </summary>
/// <param name="At">The snapshot's moment; null means "before the first mutation" (an empty snapshot, all deltas).</param>
/// <param name="HasMore">True when more deltas follow than were returned; ask again with <c>at</c> = the last delta's time.</param>
/// <param name="FirstAt">Time of the job's first mutation, null when there is none.</param>
/// <param name="LastAt">Time of the job's last mutation.</param>
/// <param name="SnapshotSource">Where the snapshot was read: <c>postgres</c> (replayed from the log) or <c>neo4j</c>.</param>
public sealed record GraphTimeline(
    Guid JobId,
    DateTimeOffset? At,
    GraphSnapshot Snapshot,
    IReadOnlyList<GraphMutation> Deltas,
    bool HasMore,
    DateTimeOffset? FirstAt,
    DateTimeOffset? LastAt,
    string SnapshotSource);

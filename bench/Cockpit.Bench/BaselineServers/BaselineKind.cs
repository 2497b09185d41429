namespace Cockpit.Bench.BaselineServers;

public enum BaselineKind
{
    /// <summary>A bare Kestrel endpoint: answers each request with a constant body and does no work.</summary>
    Bare,

    /// <summary>The naive design the seed implies: one PostgreSQL statement per heartbeat, rows in the seed's tables.</summary>
    Naive,

    /// <summary>
    /// The standard PostgreSQL job queue (graphile-worker, River, solid_queue): pending rows in the seed's jobs table,
    /// claimed with <c>SELECT … FOR UPDATE SKIP LOCKED</c> whenever a job is queued or an agent reports ready.
    /// </summary>
    Queue,
}

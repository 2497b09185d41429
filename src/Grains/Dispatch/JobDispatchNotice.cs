using Cockpit.Grains.Jobs;

namespace Cockpit.Grains.Dispatch;

/// <summary>What the dispatcher hears when a job's status (or queue place) changes.</summary>
/// <param name="Version">The job's version; an older notice than one already heard is ignored.</param>
/// <param name="Queued">The job as queued, when <paramref name="Status"/> is pending.</param>
/// <param name="AgentId">The agent running it, when processing.</param>
[GenerateSerializer, Immutable]
public sealed record JobDispatchNotice(
    [property: Id(0)] Guid JobId,
    [property: Id(1)] long Version,
    [property: Id(2)] JobStatus Status,
    [property: Id(3)] QueuedJob? Queued,
    [property: Id(4)] string? ConcurrencyKey,
    [property: Id(5)] Guid? AgentId,
    [property: Id(6)] bool Deleted);

namespace Cockpit.Grains.Dispatch;

/// <summary>A pending job in the dispatcher's order.</summary>
/// <param name="Position">1 for the job offered first, in the whole queue (all configs).</param>
[GenerateSerializer, Immutable]
public sealed record PendingJob(
    [property: Id(0)] QueuedJob Job,
    [property: Id(1)] int Position,
    [property: Id(2)] string WaitingReason);

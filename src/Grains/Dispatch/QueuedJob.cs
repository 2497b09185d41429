namespace Cockpit.Grains.Dispatch;

/// <summary>A pending job as the dispatcher sees it: what decides where and when it runs, nothing else.</summary>
/// <param name="ConfigName">The queue: only agents registered with this config take the job; null: any agent.</param>
/// <param name="QueuedAt">When the job entered the queue; older goes first among equal priority and key turn.</param>
/// <param name="Selector">Labels an agent must carry, every pair.</param>
/// <param name="ConcurrencyKey">Jobs sharing a key share its limit and its turn in the round robin.</param>
/// <param name="NotBefore">The end of a retry's backoff; the job is not dispatched before it.</param>
[GenerateSerializer, Immutable]
public sealed record QueuedJob(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string? ConfigName,
    [property: Id(2)] int Priority,
    [property: Id(3)] DateTimeOffset QueuedAt,
    [property: Id(4)] LabelDictionary Selector,
    [property: Id(5)] string? ConcurrencyKey,
    [property: Id(6)] DateTimeOffset? NotBefore = null)
{
    /// <summary>The round robin's key: jobs without a concurrency key take their turns together.</summary>
    public string TurnKey => ConcurrencyKey ?? "";

    public bool IsDue(DateTimeOffset now) => NotBefore is not { } due || due <= now;
}

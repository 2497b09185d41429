namespace Cockpit.Grains.Dispatch;

/// <summary>How a new job is to be dispatched, checked and with every default filled in by the command layer.</summary>
/// <param name="Selector">Labels an agent must carry, every pair. Declared as the interface so that grain storage
/// (System.Text.Json in production, Newtonsoft in the in-memory test cluster) reads it back as a plain dictionary.</param>
/// <param name="RetryBackoffSeconds">The delay after the first failed attempt; doubles per attempt (<see cref="RetryBackoff"/>).</param>
/// <param name="TimeoutSeconds">Longest run of one attempt; null: no bound.</param>
[GenerateSerializer, Immutable]
public sealed record DispatchSpec(
    [property: Id(0)] DispatchMode Mode,
    [property: Id(1)] int Priority,
    [property: Id(2)] IReadOnlyDictionary<string, string> Selector,
    [property: Id(3)] int MaxAttempts,
    [property: Id(4)] int RetryBackoffSeconds,
    [property: Id(5)] int? TimeoutSeconds,
    [property: Id(6)] string? ConcurrencyKey)
{
    /// <summary>What a job gets when nothing is said: manual, and the documented defaults should it be queued later
    /// (JOB_MAX_ATTEMPTS and JOB_RETRY_BACKOFF_SECONDS; jobs created before dispatch existed get these too).</summary>
    public static readonly DispatchSpec Manual = new(DispatchMode.Manual, 0, LabelDictionary.Empty,
        DispatchLimits.DefaultMaxAttempts, DispatchLimits.DefaultRetryBackoffSeconds, null, null);

    // By value, selector included, so that snapshots stay equal after a trip through storage or the serializer.
    public bool Equals(DispatchSpec? other) =>
        other is not null && Mode == other.Mode && Priority == other.Priority && MaxAttempts == other.MaxAttempts
        && RetryBackoffSeconds == other.RetryBackoffSeconds && TimeoutSeconds == other.TimeoutSeconds
        && ConcurrencyKey == other.ConcurrencyKey && LabelDictionary.Of(Selector).Equals(LabelDictionary.Of(other.Selector));

    public override int GetHashCode() => HashCode.Combine(Mode, Priority, MaxAttempts, ConcurrencyKey, Selector.Count);
}

namespace Cockpit.Grains.Dispatch;

/// <summary>A job's dispatch record: how it is to be dispatched, where it stands in the queue, and every attempt.</summary>
/// <param name="QueuedAt">When the job last entered the queue (created queued, enqueued, or retried); null: never queued.
/// Once a retried job starts, the end of its backoff instead: the time it could first start, from which its wait
/// (<c>cockpit_job_wait_seconds</c>, the queues' wait percentiles) is measured, since the backoff is by design.</param>
/// <param name="NotBefore">The end of a retry's backoff while the job waits for its next attempt.</param>
/// <param name="Attempts">Every run, oldest first.</param>
/// <param name="AttemptsBeforeQueue">Attempts made before a person last queued the job: they do not count against
/// <see cref="DispatchSpec.MaxAttempts"/>, so a failed job put back in the queue gets its attempts afresh.</param>
[GenerateSerializer, Immutable]
public sealed record JobDispatch(
    [property: Id(0)] DispatchSpec Spec,
    [property: Id(1)] DateTimeOffset? QueuedAt,
    [property: Id(2)] DateTimeOffset? NotBefore,
    [property: Id(3)] JobAttempt[] Attempts,
    [property: Id(4)] int AttemptsBeforeQueue)
{
    /// <remarks>The selector is kept as a plain dictionary: grain storage may write type names (Orleans' Newtonsoft
    /// default in the test cluster) and could not build a <see cref="LabelDictionary"/> back.</remarks>
    public static JobDispatch For(DispatchSpec spec) =>
        new(spec with { Selector = new Dictionary<string, string>(spec.Selector, StringComparer.Ordinal) }, null, null, [], 0);

    /// <summary>The attempt under way, if the last one has not ended.</summary>
    public JobAttempt? Running => Attempts.Length > 0 && Attempts[^1].EndedAt is null ? Attempts[^1] : null;

    /// <summary>Attempts that count against <see cref="DispatchSpec.MaxAttempts"/>.</summary>
    public int CountedAttempts => Attempts.Length - AttemptsBeforeQueue;

    public JobDispatch Queued(DateTimeOffset at, DateTimeOffset? notBefore = null) =>
        this with { Spec = Spec with { Mode = DispatchMode.Auto }, QueuedAt = at, NotBefore = notBefore };

    public JobDispatch Begin(Guid agentId, DateTimeOffset at) =>
        this with { QueuedAt = EligibleSince(at), NotBefore = null, Attempts = [.. EndRunning(at, AttemptOutcome.Lost, "a new attempt started").Attempts, new JobAttempt(Attempts.Length + 1, agentId, at, null, AttemptOutcome.Running, null)] };

    /// <summary>When the job could first start: when it was queued, or the end of its retry's backoff (never later than
    /// <paramref name="at"/>, should a person start it before the backoff ends).</summary>
    private DateTimeOffset? EligibleSince(DateTimeOffset at) => NotBefore is { } due && QueuedAt is { } queued && due > queued
        ? (due < at ? due : at)
        : QueuedAt;

    /// <summary>Ends the running attempt, if any; otherwise nothing changes.</summary>
    public JobDispatch EndRunning(DateTimeOffset at, AttemptOutcome outcome, string? error)
    {
        if (Running is not { } running) return this;
        var attempts = (JobAttempt[])Attempts.Clone();
        attempts[^1] = running.End(at, outcome, error);
        return this with { Attempts = attempts };
    }

    /// <summary>An attempt that could not even start (the pod was unreachable) still counts as one.</summary>
    public JobDispatch Undelivered(Guid agentId, DateTimeOffset at, string error) =>
        this with { Attempts = [.. Attempts, new JobAttempt(Attempts.Length + 1, agentId, at, at, AttemptOutcome.Unreachable, error)] };

    /// <summary>What follows the attempt that just ended with <paramref name="outcome"/>; only queued jobs are retried.</summary>
    public RetryDecision AfterAttempt(AttemptOutcome outcome) => Spec.Mode != DispatchMode.Auto
        ? RetryDecision.GiveUp
        : RetryDecision.After(outcome, CountedAttempts, Spec.MaxAttempts, TimeSpan.FromSeconds(Spec.RetryBackoffSeconds));

    // By value, attempts included, so that snapshots stay equal after a trip through storage or the serializer.
    public bool Equals(JobDispatch? other) =>
        other is not null && Spec.Equals(other.Spec) && QueuedAt == other.QueuedAt && NotBefore == other.NotBefore
        && AttemptsBeforeQueue == other.AttemptsBeforeQueue && Attempts.SequenceEqual(other.Attempts);

    public override int GetHashCode() => HashCode.Combine(Spec, QueuedAt, NotBefore, Attempts.Length);

    /// <summary>The job as the dispatcher sees it while it is pending.</summary>
    public QueuedJob ToQueued(Guid jobId, string? configName) =>
        new(jobId, configName, Spec.Priority, QueuedAt ?? DateTimeOffset.MinValue, LabelDictionary.Of(Spec.Selector), Spec.ConcurrencyKey, NotBefore);
}

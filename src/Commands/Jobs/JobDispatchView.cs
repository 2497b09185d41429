using Cockpit.Grains.Dispatch;

namespace Cockpit.Commands.Jobs;

/// <summary>
/// A job's dispatch fields as the front ends show them: how it is dispatched, where it stands in the queue, every attempt.
/// Only what is shown: the grain's own bookkeeping (which attempts count against the limit) stays in the grain.
/// </summary>
/// <param name="Mode">Manual, or auto (queued for the dispatcher).</param>
/// <param name="QueuedAt">When the job last entered the queue.</param>
/// <param name="NotBefore">The end of a retry's backoff while the job waits for its next attempt.</param>
/// <param name="Attempts">Every run of the job, oldest first.</param>
public sealed record JobDispatchView(
    DispatchMode Mode,
    int Priority,
    LabelDictionary Selector,
    int MaxAttempts,
    int RetryBackoffSeconds,
    int? TimeoutSeconds,
    string? ConcurrencyKey,
    DateTimeOffset? QueuedAt,
    DateTimeOffset? NotBefore,
    IReadOnlyList<JobAttempt> Attempts)
{
    /// <summary>The record's shown fields; a job from before dispatch existed (no record) shows what a new manual job has:
    /// <see cref="DispatchSpec.Manual"/>, never queued, no attempts.</summary>
    public static JobDispatchView From(JobDispatch? dispatch)
    {
        var d = dispatch ?? JobDispatch.For(DispatchSpec.Manual);
        return new(d.Spec.Mode, d.Spec.Priority, LabelDictionary.Of(d.Spec.Selector), d.Spec.MaxAttempts, d.Spec.RetryBackoffSeconds,
            d.Spec.TimeoutSeconds, d.Spec.ConcurrencyKey, d.QueuedAt, d.NotBefore, d.Attempts);
    }
}

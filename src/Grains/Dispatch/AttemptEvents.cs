using Cockpit.Grains.Events;
using Cockpit.Grains.Jobs;

namespace Cockpit.Grains.Dispatch;

/// <summary>
/// What one job change says about the queue, for the metrics: how long a job waited before it started, and which
/// attempts ended. Read from the change alone, so every silo can count the changes of the grains it hosts, once each.
/// </summary>
public static class AttemptEvents
{
    /// <summary>Queued → started (enqueue → <c>/job/start</c>) when the change moved the job from pending to processing;
    /// for a retry, from the end of its backoff (see <see cref="JobDispatch.QueuedAt"/>).</summary>
    public static TimeSpan? Wait(JobChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Deleted || change.PreviousStatus != JobStatus.Pending || change.Job.Status != JobStatus.Processing) return null;
        if (change.Job.Dispatch is not { QueuedAt: { } queuedAt, Running: { } running }) return null;
        var wait = running.StartedAt - queuedAt;
        return wait >= TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>
    /// The outcomes of the attempts this change ended. The job grain ends an attempt and writes the change at one
    /// instant, so those are the attempts whose end is the change's time (a new start may end a lost one too).
    /// </summary>
    public static IEnumerable<AttemptOutcome> Ended(JobChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Deleted || change.Job.Dispatch is not { } dispatch) return [];
        return dispatch.Attempts.Where(a => a.EndedAt == change.At && a.Outcome != AttemptOutcome.Running).Select(a => a.Outcome);
    }
}

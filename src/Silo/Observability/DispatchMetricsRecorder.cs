using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Events;
using Cockpit.Storage.ReadModel;

namespace Cockpit.Silo.Observability;

/// <summary>
/// Feeds <c>cockpit_job_wait_seconds</c> and <c>cockpit_job_attempts_total</c> from the job changes this silo's
/// projector commits (the changes of the grains it hosts), read by <see cref="AttemptEvents"/>: counting where the
/// change is written, after it is written, counts each start and each ended attempt once across the cluster.
/// </summary>
public sealed class DispatchMetricsRecorder(ReadModelProjector projector, CockpitMetrics metrics) : CommittedBatchListener(projector)
{
    protected override void OnBatchCommitted(IReadOnlyList<DomainEvent> events)
    {
        foreach (var change in events.OfType<JobChanged>())
        {
            if (AttemptEvents.Wait(change) is { } wait) metrics.RecordJobWait(wait);
            foreach (var outcome in AttemptEvents.Ended(change)) metrics.RecordAttemptEnded(outcome);
        }
    }
}

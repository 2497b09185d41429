// A job's grain: how a change leaves it. Every change is written first (CommitAsync), then told to the dispatcher and
// published for the read model; one the dispatcher acts on waits, bounded, until the read model holds it, because the
// dispatcher is rebuilt from the read model after every silo died (ADR 0018, 0020). Apart because one wait,
// WhenInReadModelAsync, interleaves with other calls' turns and so may read only the fields kept here, never State.

using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Events;
using Microsoft.Extensions.Logging;

namespace Cockpit.Grains.Jobs;

public sealed partial class JobGrain
{
    // The read model's side of this activation (ADR 0020): the record as last written, the newest version published
    // with a wait and that wait, and the newest version the read model is known to hold. WhenInReadModelAsync runs
    // between other calls' turns, so it reads these, never State, which a turn may be changing.
    private JobSnapshot? _committed;
    private (long Version, Task Written) _publishing = (0, Task.CompletedTask);
    private long _inReadModel;
    private bool _wroteSinceActivation;

    /// <param name="restoreOnFailure">
    /// The state from before the change, to keep the activation with it when the write fails; without it the
    /// activation is dropped (see <see cref="PersistentStateWrites"/>).
    /// </param>
    /// <param name="tellDispatcher">Tell the dispatcher even when the status stays (a new queue place or priority).</param>
    /// <param name="answerBeforeReadModel">Publish a change the dispatcher acts on without waiting for the read model:
    /// the caller waits outside this turn (<see cref="WhenInReadModelAsync"/>), or nothing acknowledged hangs on it.</param>
    private async Task CommitAsync(JobStatus? previous, string cause, DateTimeOffset? at = null, JobState? restoreOnFailure = null,
        bool tellDispatcher = false, bool answerBeforeReadModel = false)
    {
        var now = at ?? clock.GetUtcNow();
        State.UpdatedAt = now;
        State.Version++;
        if (restoreOnFailure is null) await store.WriteOrDeactivateAsync(DeactivateOnIdle);
        else await store.WriteOrRestoreAsync(restoreOnFailure, DeactivateOnIdle);
        var snapshot = Snapshot();
        _committed = snapshot;
        _wroteSinceActivation = true;
        var change = new JobChanged(now, snapshot, previous, cause);
        if (tellDispatcher || previous != State.Status)
        {
            TellDispatcher();
            var written = PublishTracked(change);
            if (!answerBeforeReadModel) await BoundedAsync(written, change.Job.Version);
        }
        else events.Publish(change);
    }

    /// <summary>
    /// Completes once the read model holds version <paramref name="version"/> of this job or a newer one (bounded like every
    /// wait for it). Runs between other calls' turns: the caller of <see cref="CreateAsync"/> waits here while the
    /// dispatcher starts the job. An activation that did not publish that version itself (the one that did was lost with
    /// its silo) publishes its record again; the read model keeps the newest version of a row and one timeline entry per
    /// version, so a version it holds already changes nothing.
    /// </summary>
    public async Task WhenInReadModelAsync(long version)
    {
        if (_inReadModel >= version) return;
        var (published, written) = _publishing;
        if (published < version)
        {
            if (_committed is not { } committed || committed.Version < version) return; // deleted since, or never written
            var again = new JobChanged(clock.GetUtcNow(), committed, null, "recorded again: its silo stopped before the read model had it");
            written = PublishTracked(again);
            published = committed.Version;
        }
        await BoundedAsync(written, published);
    }

    /// <summary>Publishes a change the dispatcher acts on, for the read model to hold (ADR 0018); the wait is the caller's.</summary>
    private Task PublishTracked(JobChanged change)
    {
        var written = events.PublishWrittenAsync(change, CancellationToken.None);
        // The projector writes in publication order, so this wait covers every earlier version too.
        if (change.Job.Version >= _publishing.Version) _publishing = (change.Job.Version, written);
        return written;
    }

    /// <summary>
    /// Waits until the read model holds a published change the dispatcher acts on: the dispatcher is rebuilt from
    /// the read model after every silo died, so a queued job (or a freed concurrency slot, a new priority) that was only
    /// in the projector's memory would stay invisible to it until the job changed again (ADR 0018). The wait is for the
    /// projector's next batch, shared by every job changing meanwhile; it is bounded so that a read model that cannot
    /// be written (the database is away) does not hold the job for ever: the change is in the job's own record already.
    /// </summary>
    private async Task BoundedAsync(Task written, long version)
    {
        if (await ReadModelWait.UntilWrittenAsync(written) is { } missed)
        {
            logger.LogWarning("Job {JobId}: the read model did not take version {Version} ({Reason}); the dispatcher sees it by its notice only",
                Id, version, missed);
        }
        else if (version > _inReadModel)
        {
            _inReadModel = version;
        }
    }

    /// <summary>One way: the dispatcher never makes a job wait, and it asks the job before it starts anything.</summary>
    private void TellDispatcher(bool deleted = false)
    {
        var notice = new JobDispatchNotice(Id, State.Version, State.Status,
            State.Status == JobStatus.Pending ? Queued() : null, Dispatch.Spec.ConcurrencyKey,
            State.Status == JobStatus.Processing ? State.AssignedAgentId : null, deleted);
        _ = GrainFactory.GetGrain<IDispatcherGrain>(IDispatcherGrain.Key).JobChangedAsync(notice);
    }
}

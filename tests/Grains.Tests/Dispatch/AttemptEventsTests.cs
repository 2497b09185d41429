using Cockpit.Grains;
using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Events;
using Cockpit.Grains.Jobs;
using Shouldly;

namespace Cockpit.Grains.Tests.Dispatch;

/// <summary>The queue metrics' reading of job changes: the wait of a start, and the attempts a change ended.</summary>
public sealed class AttemptEventsTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch.AddYears(56);
    private static readonly Guid AgentA = Guid.NewGuid();
    private static readonly Guid AgentB = Guid.NewGuid();
    private static readonly JobDispatch Queued = JobDispatch.For(DispatchSpec.Manual with { Mode = DispatchMode.Auto }).Queued(T0);

    [Fact]
    public void A_start_from_pending_waited_from_queued_to_started_and_ended_nothing()
    {
        var started = Queued.Begin(AgentA, T0.AddSeconds(2.5));
        var change = Change(JobStatus.Pending, JobStatus.Processing, started, T0.AddSeconds(2.5));
        AttemptEvents.Wait(change).ShouldBe(TimeSpan.FromSeconds(2.5));
        AttemptEvents.Ended(change).ShouldBeEmpty();
    }

    [Fact]
    public void A_retry_waits_from_the_end_of_its_backoff_not_from_the_failure_that_queued_it_again()
    {
        var retried = Queued.Begin(AgentA, T0.AddSeconds(1)).EndRunning(T0.AddSeconds(4), AttemptOutcome.Failed, "boom")
            .Queued(T0.AddSeconds(4), notBefore: T0.AddSeconds(14));
        AttemptEvents.Wait(Change(JobStatus.Pending, JobStatus.Processing, retried.Begin(AgentB, T0.AddSeconds(15.5)), T0.AddSeconds(15.5)))
            .ShouldBe(TimeSpan.FromSeconds(1.5));
        // Started by a person before the backoff ended: it did not wait at all.
        AttemptEvents.Wait(Change(JobStatus.Pending, JobStatus.Processing, retried.Begin(AgentB, T0.AddSeconds(6)), T0.AddSeconds(6)))
            .ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Only_a_move_from_pending_to_processing_is_a_wait()
    {
        var started = Queued.Begin(AgentA, T0.AddSeconds(1));
        AttemptEvents.Wait(Change(JobStatus.Created, JobStatus.Processing, started, T0.AddSeconds(1))).ShouldBeNull(); // a manual assign
        AttemptEvents.Wait(Change(JobStatus.Processing, JobStatus.Processing, started, T0.AddSeconds(9))).ShouldBeNull(); // progress
        AttemptEvents.Wait(Change(JobStatus.Pending, JobStatus.Processing, started, T0.AddSeconds(1), deleted: true)).ShouldBeNull();
        AttemptEvents.Wait(Change(JobStatus.Pending, JobStatus.Processing, null, T0.AddSeconds(1))).ShouldBeNull(); // no record
    }

    [Theory]
    [InlineData(AttemptOutcome.Completed)]
    [InlineData(AttemptOutcome.Failed)]
    [InlineData(AttemptOutcome.TimedOut)]
    [InlineData(AttemptOutcome.Cancelled)]
    [InlineData(AttemptOutcome.Lost)]
    public void An_attempt_ended_by_the_change_counts_once_with_its_outcome(AttemptOutcome outcome)
    {
        var end = T0.AddSeconds(30);
        var ended = Queued.Begin(AgentA, T0.AddSeconds(1)).EndRunning(end, outcome, "why");
        AttemptEvents.Ended(Change(JobStatus.Processing, JobStatus.Completed, ended, end)).ShouldBe([outcome]);
        // A later change of the same job (deleted, edited, progress replayed) does not count it again.
        AttemptEvents.Ended(Change(JobStatus.Completed, JobStatus.Completed, ended, end.AddSeconds(1))).ShouldBeEmpty();
    }

    [Fact]
    public void An_undelivered_attempt_and_a_lost_attempt_ended_by_a_new_start_count()
    {
        var at = T0.AddSeconds(5);
        var undelivered = Queued.Undelivered(AgentA, at, "connection refused");
        AttemptEvents.Ended(Change(JobStatus.Pending, JobStatus.Pending, undelivered, at)).ShouldBe([AttemptOutcome.Unreachable]);

        var restarted = Queued.Begin(AgentA, T0.AddSeconds(1)).Begin(AgentB, at);
        AttemptEvents.Ended(Change(JobStatus.Processing, JobStatus.Processing, restarted, at)).ShouldBe([AttemptOutcome.Lost]);
    }

    private static JobChanged Change(JobStatus previous, JobStatus status, JobDispatch? dispatch, DateTimeOffset at, bool deleted = false) =>
        new(at, new JobSnapshot(Guid.NewGuid(), "p", null, null, null, null, null, status, AgentA, T0, at, null, null, null, null, 1, [], dispatch),
            previous, "test", deleted);
}

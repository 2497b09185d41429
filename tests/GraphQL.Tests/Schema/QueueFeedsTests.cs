using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using Cockpit.GraphQL.Schema.Dispatch;
using Cockpit.Storage.Live;

namespace Cockpit.GraphQL.Tests.Schema;

/// <summary>queueChanged's trigger: moves into and out of pending or processing, and agents changing status, throttled.</summary>
public sealed class QueueFeedsTests
{
    private static readonly Guid Job = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();
    private static readonly Guid Agent = Guid.NewGuid();

    [Fact]
    public void Only_notices_that_move_a_job_into_or_out_of_the_queue_or_change_an_agent_pass()
    {
        using var hub = new Subject<LiveEvent>();
        var passed = new List<string>();
        using var _ = QueueFeeds.Moves(hub).Subscribe(e => passed.Add($"{e.Kind} {e.Detail}"));

        foreach (var (kind, id, detail) in new[]
                 {
                     (LiveEventKinds.Job, Job, "created"),       // not queued: no figure changes
                     (LiveEventKinds.Job, Job, "pending"),       // enters the queue
                     (LiveEventKinds.Job, Job, "pending"),       // a priority change: same figures
                     (LiveEventKinds.Job, Job, "processing"),    // leaves it, starts running
                     (LiveEventKinds.Job, Job, "processing"),    // progress report
                     (LiveEventKinds.Job, Job, "processing"),
                     (LiveEventKinds.Job, Job, "completed"),     // stops running
                     (LiveEventKinds.Job, Job, "deleted"),       // unknown again, and not created
                     (LiveEventKinds.Job, Other, "processing"),  // first seen running (subscribed late)
                     (LiveEventKinds.Workspace, Other, "a.md"),
                     (LiveEventKinds.Agent, Agent, "ready"),
                     (LiveEventKinds.Agent, Agent, "ready"),     // heartbeat-like repeat
                     (LiveEventKinds.Agent, Agent, "working"),
                 })
        {
            hub.OnNext(new LiveEvent(kind, id, id, 1, DateTimeOffset.UnixEpoch, detail));
        }

        passed.ShouldBe(["job pending", "job processing", "job completed", "job deleted", "job processing", "agent ready", "agent working"]);
    }

    [Fact]
    public void A_burst_of_moves_gives_one_tick_per_interval_and_the_last_move_is_not_lost()
    {
        var clock = new HistoricalScheduler(DateTimeOffset.UnixEpoch);
        using var hub = new Subject<LiveEvent>();
        var ticks = new List<DateTimeOffset>();
        using var _ = QueueFeeds.Ticks(hub, TimeSpan.FromSeconds(1), clock).Subscribe(ticks.Add);

        for (var i = 0; i < 20; i++)
        {
            var id = Guid.NewGuid();
            clock.AdvanceBy(TimeSpan.FromMilliseconds(20));
            hub.OnNext(new LiveEvent(LiveEventKinds.Job, id, id, 1, clock.Now, "pending"));
        }
        clock.AdvanceBy(TimeSpan.FromSeconds(3));
        ticks.Count.ShouldBe(1);

        // Progress of a running job alone never ticks after its first notice.
        var running = Guid.NewGuid();
        hub.OnNext(new LiveEvent(LiveEventKinds.Job, running, running, 1, clock.Now, "processing"));
        clock.AdvanceBy(TimeSpan.FromSeconds(2));
        for (var i = 0; i < 10; i++)
        {
            hub.OnNext(new LiveEvent(LiveEventKinds.Job, running, running, 2 + i, clock.Now, "processing"));
            clock.AdvanceBy(TimeSpan.FromSeconds(1));
        }
        ticks.Count.ShouldBe(2);
    }
}

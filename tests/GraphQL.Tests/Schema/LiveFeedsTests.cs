using System.Collections.Concurrent;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Cockpit.GraphQL.Schema.Live;
using Cockpit.Storage.Live;

namespace Cockpit.GraphQL.Tests.Schema;

/// <summary>The subscription streams over the live hub, with a Subject as the hub and functions as the state.</summary>
public sealed class LiveFeedsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();

    private sealed record Thing(Guid Id, long Version, string State);

    [Fact]
    public void Changes_reads_the_state_after_each_notice_of_its_kind_and_id_in_order()
    {
        using var hub = new Subject<LiveEvent>();
        var state = new ConcurrentDictionary<Guid, Thing>();
        var received = new BlockingCollection<EntityChange<Thing>>();
        using var _ = LiveFeeds.Changes<Thing>(hub, LiveEventKinds.Job, A, ReadFrom(state)).Subscribe(received.Add);

        state[A] = new Thing(A, 1, "created");
        hub.OnNext(Notice(LiveEventKinds.Job, A, 1));
        hub.OnNext(Notice(LiveEventKinds.Agent, A, 1)); // another kind
        state[B] = new Thing(B, 1, "other");
        hub.OnNext(Notice(LiveEventKinds.Job, B, 1)); // another job
        Take(received).ShouldBe(new EntityChange<Thing>(A, false, 1, state[A] with { }));

        state[A] = new Thing(A, 2, "processing");
        hub.OnNext(Notice(LiveEventKinds.Job, A, 2));
        Take(received).Value!.State.ShouldBe("processing");
        state[A] = new Thing(A, 3, "completed");
        hub.OnNext(Notice(LiveEventKinds.Job, A, 3));
        Take(received).Value!.State.ShouldBe("completed");

        hub.OnNext(Notice(LiveEventKinds.Job, A, 4, LiveFeeds.DeletedDetail));
        Take(received).ShouldBe(new EntityChange<Thing>(A, true, 4, null));
    }

    [Fact]
    public void A_notice_answered_by_a_newer_state_already_sent_is_skipped_and_a_vanished_entity_waits_for_its_deletion()
    {
        using var hub = new Subject<LiveEvent>();
        var state = new ConcurrentDictionary<Guid, Thing>();
        var received = new BlockingCollection<EntityChange<Thing>>();
        using var _ = LiveFeeds.Changes<Thing>(hub, LiveEventKinds.Job, null, ReadFrom(state)).Subscribe(received.Add);

        // Two notices, but by the time they are read the state is already at version 2: sent once.
        state[A] = new Thing(A, 2, "processing");
        hub.OnNext(Notice(LiveEventKinds.Job, A, 1));
        hub.OnNext(Notice(LiveEventKinds.Job, A, 2));
        // A notice for an entity that is gone sends nothing; its deletion notice does.
        hub.OnNext(Notice(LiveEventKinds.Job, B, 1));
        hub.OnNext(Notice(LiveEventKinds.Job, B, 2, LiveFeeds.DeletedDetail));

        Take(received).ShouldBe(new EntityChange<Thing>(A, false, 2, state[A]));
        Take(received).ShouldBe(new EntityChange<Thing>(B, true, 2, null));
        received.TryTake(out var extra, TimeSpan.FromMilliseconds(300)).ShouldBeFalse($"unexpected {extra}");
    }

    [Fact]
    public async Task A_slow_read_does_not_hold_up_the_hub_and_a_failed_read_does_not_end_the_stream()
    {
        using var hub = new Subject<LiveEvent>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var received = new BlockingCollection<EntityChange<Thing>>();
        using var _ = LiveFeeds.Changes<Thing>(hub, LiveEventKinds.Agent, null, async (id, ct) =>
        {
            var call = Interlocked.Increment(ref calls);
            if (call == 1) await release.Task; // the first read hangs until released
            if (call == 2) throw new InvalidOperationException("the grain is unavailable");
            return (new Thing(id, call, $"read {call}"), call);
        }).Subscribe(received.Add, error => received.Add(new EntityChange<Thing>(Guid.Empty, true, -1, new Thing(Guid.Empty, -1, error.Message))));

        var publishing = Task.Run(() =>
        {
            hub.OnNext(Notice(LiveEventKinds.Agent, A, 1));
            hub.OnNext(Notice(LiveEventKinds.Agent, A, 2));
            hub.OnNext(Notice(LiveEventKinds.Agent, A, 3));
        });
        (await Task.WhenAny(publishing, Task.Delay(Patience))).ShouldBe(publishing, "OnNext blocked while a read was pending");
        received.Count.ShouldBe(0);

        release.SetResult();
        Take(received).Value!.State.ShouldBe("read 1");
        Take(received).Value!.State.ShouldBe("read 3"); // read 2 failed: skipped, the stream goes on
    }

    [Fact]
    public async Task Appended_sends_only_entries_after_the_start_each_once_in_order()
    {
        using var hub = new Subject<LiveEvent>();
        var trail = new List<(int Position, string Text)> { (1, "before"), (2, "also before") };
        var received = new BlockingCollection<string>();
        var starts = 0;
        using var _ = LiveFeeds.Appended<string, string>(hub, LiveEventKinds.Audit, A,
            _ =>
            {
                Interlocked.Increment(ref starts);
                lock (trail) return Task.FromResult<string?>(trail[^1].Position.ToString());
            },
            (after, _) =>
            {
                lock (trail)
                {
                    // Pages of two, to see that the feed keeps reading while more follow.
                    var from = int.Parse(after!);
                    var page = trail.Where(e => e.Position > from).Take(2).ToList();
                    var more = trail.Count(e => e.Position > from) > 2;
                    return Task.FromResult<(IReadOnlyList<string>, string?, bool)>(
                        (page.Select(e => e.Text).ToList(), page.Count > 0 ? page[^1].Position.ToString() : null, more));
                }
            }).Subscribe(received.Add);
        await WaitUntilAsync(() => Volatile.Read(ref starts) == 1);

        lock (trail) trail.AddRange([(3, "one"), (4, "two"), (5, "three")]);
        hub.OnNext(Notice(LiveEventKinds.Audit, A, 0, jobId: A));
        hub.OnNext(Notice(LiveEventKinds.Audit, B, 0, jobId: B)); // another job: ignored
        Take(received).ShouldBe("one");
        Take(received).ShouldBe("two");
        Take(received).ShouldBe("three");

        hub.OnNext(Notice(LiveEventKinds.Audit, A, 0, jobId: A)); // nothing new: nothing sent
        lock (trail) trail.Add((6, "four"));
        hub.OnNext(Notice(LiveEventKinds.Audit, A, 0, jobId: A));
        Take(received).ShouldBe("four");
        received.TryTake(out var extra, TimeSpan.FromMilliseconds(300)).ShouldBeFalse($"unexpected {extra}");
    }

    [Fact]
    public void Job_notices_of_one_kind_and_job_are_handed_on_off_the_hub_thread()
    {
        using var hub = new Subject<LiveEvent>();
        var received = new BlockingCollection<(LiveEvent Notice, int Thread)>();
        using var _ = LiveFeeds.OfJob(hub, LiveEventKinds.Workspace, A).Subscribe(e => received.Add((e, Environment.CurrentManagedThreadId)));

        hub.OnNext(Notice(LiveEventKinds.Workspace, B, 0, "other.md", jobId: B));
        hub.OnNext(Notice(LiveEventKinds.Graph, A, 0, jobId: A));
        hub.OnNext(Notice(LiveEventKinds.Workspace, A, 0, "plan.md", jobId: A));
        var (notice, thread) = Take(received);
        notice.Detail.ShouldBe("plan.md");
        thread.ShouldNotBe(Environment.CurrentManagedThreadId);
        received.TryTake(out var extra, TimeSpan.FromMilliseconds(300)).ShouldBeFalse($"unexpected {extra}");
    }

    [Fact]
    public void Throttled_sends_at_most_one_tick_per_interval_and_never_drops_the_last_change()
    {
        var clock = new HistoricalScheduler(DateTimeOffset.UnixEpoch);
        var hub = new Subject<LiveEvent>();
        var ticks = new List<DateTimeOffset>();
        using var _ = LiveFeeds.Throttled(hub, [LiveEventKinds.Agent, LiveEventKinds.Job], TimeSpan.FromSeconds(1), clock).Subscribe(ticks.Add);

        // A burst of 50 changes within 0.5 s, and workspace notices that do not count.
        for (var i = 0; i < 50; i++)
        {
            clock.AdvanceBy(TimeSpan.FromMilliseconds(10));
            hub.OnNext(Notice(i % 2 == 0 ? LiveEventKinds.Job : LiveEventKinds.Agent, A, i));
            hub.OnNext(Notice(LiveEventKinds.Workspace, A, i));
        }
        clock.AdvanceBy(TimeSpan.FromSeconds(5));
        ticks.Count.ShouldBe(1);

        // Steady changes every 100 ms for 3 s: one tick per second, none closer than the interval.
        ticks.Clear();
        for (var i = 0; i < 30; i++)
        {
            clock.AdvanceBy(TimeSpan.FromMilliseconds(100));
            hub.OnNext(Notice(LiveEventKinds.Job, A, i));
        }
        clock.AdvanceBy(TimeSpan.FromSeconds(2));
        ticks.Count.ShouldBeInRange(3, 4);
        ticks.Zip(ticks.Skip(1), (a, b) => b - a).ShouldAllBe(gap => gap >= TimeSpan.FromSeconds(1));

        // Only workspace notices: no tick.
        ticks.Clear();
        hub.OnNext(Notice(LiveEventKinds.Workspace, A, 1));
        clock.AdvanceBy(TimeSpan.FromSeconds(3));
        ticks.ShouldBeEmpty();
    }

    private static Func<Guid, CancellationToken, Task<(Thing Value, long Version)?>> ReadFrom(ConcurrentDictionary<Guid, Thing> state) =>
        (id, _) => Task.FromResult<(Thing, long)?>(state.TryGetValue(id, out var thing) ? (thing with { }, thing.Version) : null);

    private static LiveEvent Notice(string kind, Guid id, long version, string? detail = null, Guid? jobId = null) =>
        new(kind, id, jobId ?? id, version, DateTimeOffset.UtcNow, detail);

    private static T Take<T>(BlockingCollection<T> items) =>
        items.TryTake(out var item, Patience) ? item : throw new TimeoutException("nothing arrived");

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met");
            await Task.Delay(10);
        }
    }
}

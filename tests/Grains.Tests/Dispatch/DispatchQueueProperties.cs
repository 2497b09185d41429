using Cockpit.Grains.Dispatch;
using FsCheck.Xunit;
using Shouldly;
using static Cockpit.Grains.Tests.Dispatch.DispatchSamples;

namespace Cockpit.Grains.Tests.Dispatch;

/// <summary>
/// The dispatcher's sorted queue against the specification of the order (<see cref="DispatchOrder.Order"/>), under
/// random sequences of jobs queued, queued again with another priority or time, and removed; with the round robin's
/// memory at random values, and with keys dropped from the reading as a plan drops the keys at their limit.
/// </summary>
public sealed class DispatchQueueProperties
{
    private static readonly string?[] Keys = [null, "a", "b", "c"];

    [Property(MaxTest = 500, EndSize = 120)]
    public void Reading_the_queue_gives_the_dispatch_order(int[] steps, int[] served)
    {
        var (queue, expected) = Replay(steps);
        var lastServed = LastServed(served);

        Numbers(queue.InOrder(lastServed)).ShouldBe(Numbers(DispatchOrder.Order(expected.Values, lastServed)), string.Join(",", steps));
        queue.Count.ShouldBe(expected.Count);
    }

    [Property(MaxTest = 300, EndSize = 120)]
    public void A_skipped_key_leaves_out_its_jobs_and_nothing_else(int[] steps, int[] served, int skipped)
    {
        var (queue, expected) = Replay(steps);
        var lastServed = LastServed(served);
        var skippedKey = Keys[Math.Abs(skipped % Keys.Length)] ?? "";

        var read = queue.InOrder(lastServed, key => key == skippedKey);

        Numbers(read).ShouldBe(Numbers(DispatchOrder.Order(expected.Values, lastServed).Where(j => j.TurnKey != skippedKey)));
    }

    [Property(MaxTest = 300, EndSize = 60)]
    public void Planning_from_the_queue_pairs_as_planning_from_the_sorted_list(int[] steps, int[] served, int[] limitsAndAgents)
    {
        var (queue, expected) = Replay(steps);
        var lastServed = LastServed(served);
        var limits = new Dictionary<string, int>(StringComparer.Ordinal);
        var running = new Dictionary<string, int>(StringComparer.Ordinal);
        var agents = new List<IdleAgent>();
        for (var i = 0; i < limitsAndAgents.Length; i++)
        {
            var v = Math.Abs(limitsAndAgents[i]);
            var key = Keys[1 + v % 3]!;
            switch (i % 3)
            {
                case 0: limits[key] = v % 4; break;
                case 1: running[key] = v % 3; break;
                default: agents.Add(Agent(i, config: v % 2 == 0 ? "writer" : "reviewer", labels: v % 5 == 0 ? Labels("gpu=true") : null, idleSeconds: v % 7)); break;
            }
        }

        var fromQueue = DispatchPlanner.Plan(skip => queue.InOrder(lastServed, skip), agents, running, limits, T0);
        var fromList = DispatchPlanner.Plan(DispatchOrder.Order(expected.Values, lastServed), agents, running, limits, T0);

        fromQueue.Select(p => (p.Job.Id, p.Agent.Id)).ShouldBe(fromList.Select(p => (p.Job.Id, p.Agent.Id)));
    }

    /// <summary>Each step queues (or queues again) one of 12 jobs with a priority, age, key, queue and selector from
    /// small sets (ties on purpose), or removes it.</summary>
    private static (DispatchQueue Queue, Dictionary<Guid, QueuedJob> Expected) Replay(int[] steps)
    {
        var queue = new DispatchQueue();
        var expected = new Dictionary<Guid, QueuedJob>();
        foreach (var step in steps)
        {
            // FsCheck's ints are small (up to the test's size): spread them so every field takes all its values.
            var v = (long)step * 0x9E3779B1L & 0x7FFFFFFF;
            var n = (int)(v % 12);
            if (v / 12 % 5 == 0)
            {
                queue.Remove(JobId(n)).ShouldBe(expected.Remove(JobId(n)));
                continue;
            }
            var job = Job(n, priority: (int)(v / 60 % 3) - 1, ageSeconds: (int)(v / 180 % 4), key: Keys[v / 720 % 4],
                config: v / 2880 % 3 == 0 ? "writer" : null, selector: v / 8640 % 4 == 0 ? Labels("gpu=true") : null);
            queue.Set(job);
            expected[job.Id] = job;
        }
        return (queue, expected);
    }

    private static Dictionary<string, long> LastServed(int[] served)
    {
        var lastServed = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < served.Length && i < Keys.Length; i++)
        {
            if (served[i] % 3 != 0) lastServed[Keys[i] ?? ""] = Math.Abs(served[i] % 5);
        }
        return lastServed;
    }

    private static List<Guid> Numbers(IEnumerable<QueuedJob> jobs) => jobs.Select(j => j.Id).ToList();
}

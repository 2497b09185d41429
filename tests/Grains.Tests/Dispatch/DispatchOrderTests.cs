using Cockpit.Grains.Dispatch;
using Shouldly;
using static Cockpit.Grains.Tests.Dispatch.DispatchSamples;

namespace Cockpit.Grains.Tests.Dispatch;

public sealed class DispatchOrderTests
{
    private static readonly Dictionary<string, long> NeverServed = [];

    [Fact]
    public void Higher_priority_goes_first_then_the_oldest()
    {
        var jobs = new[] { Job(1, priority: 0, ageSeconds: 30), Job(2, priority: 5, ageSeconds: 1), Job(3, priority: 0, ageSeconds: 60), Job(4, priority: -3, ageSeconds: 99) };

        Ids(DispatchOrder.Order(jobs, NeverServed)).ShouldBe([2, 3, 1, 4]);
    }

    [Fact]
    public void Among_equal_priority_the_keys_take_turns_so_a_big_tenant_does_not_starve_a_small_one()
    {
        // Tenant a queued nine jobs before tenant b queued one: b's job still goes second, not tenth.
        var jobs = Enumerable.Range(1, 9).Select(n => Job(n, ageSeconds: 100 - n, key: "a"))
            .Append(Job(10, ageSeconds: 1, key: "b"));

        Ids(DispatchOrder.Order(jobs, NeverServed)).ShouldBe([1, 10, 2, 3, 4, 5, 6, 7, 8, 9]);
    }

    [Fact]
    public void The_key_served_longest_ago_takes_the_next_turn()
    {
        var jobs = new[] { Job(1, ageSeconds: 50, key: "a"), Job(2, ageSeconds: 10, key: "b") };
        var served = new Dictionary<string, long> { ["a"] = 7, ["b"] = 3 };

        Ids(DispatchOrder.Order(jobs, served)).ShouldBe([2, 1]);
    }

    [Fact]
    public void Jobs_without_a_key_take_turns_together_as_one_key()
    {
        var jobs = new[] { Job(1, ageSeconds: 50), Job(2, ageSeconds: 40), Job(3, ageSeconds: 30, key: "t") };

        Ids(DispatchOrder.Order(jobs, NeverServed)).ShouldBe([1, 3, 2]);
    }

    [Fact]
    public void Priority_beats_the_round_robin()
    {
        var jobs = new[] { Job(1, ageSeconds: 50, key: "a"), Job(2, priority: 1, ageSeconds: 10, key: "a"), Job(3, ageSeconds: 60, key: "b") };
        var served = new Dictionary<string, long> { ["a"] = 9 };

        Ids(DispatchOrder.Order(jobs, served)).ShouldBe([2, 3, 1]);
    }

    private static int[] Ids(IEnumerable<QueuedJob> jobs) => jobs.Select(j => Array.IndexOf(AllIds, j.Id)).ToArray();

    private static readonly Guid[] AllIds = Enumerable.Range(0, 20).Select(JobId).ToArray();
}

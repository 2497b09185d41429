using Cockpit.Grains.Dispatch;
using Shouldly;
using static Cockpit.Grains.Tests.Dispatch.DispatchSamples;

namespace Cockpit.Grains.Tests.Dispatch;

public sealed class DispatchPlannerTests
{
    private static readonly Dictionary<string, int> NoneRunning = [];
    private static readonly Dictionary<string, int> NoLimits = [];

    [Fact]
    public void A_key_at_its_limit_is_skipped_and_the_jobs_behind_it_still_go()
    {
        var jobs = new[] { Job(1, priority: 9, key: "busy"), Job(2, key: "other"), Job(3) };
        var agents = new[] { Agent(1), Agent(2) };

        var plan = DispatchPlanner.Plan(jobs, agents, new Dictionary<string, int> { ["busy"] = 2 },
            new Dictionary<string, int> { ["busy"] = 2 }, T0);

        plan.Select(p => p.Job.Id).ShouldBe([JobId(2), JobId(3)]);
    }

    [Fact]
    public void A_limit_counts_the_starts_of_the_same_plan()
    {
        var jobs = Enumerable.Range(1, 5).Select(n => Job(n, key: "k")).ToArray();
        var agents = Enumerable.Range(1, 5).Select(n => Agent(n)).ToArray();

        var plan = DispatchPlanner.Plan(jobs, agents, NoneRunning, new Dictionary<string, int> { ["k"] = 2 }, T0);

        plan.Count.ShouldBe(2);
    }

    [Fact]
    public void A_limit_of_zero_holds_every_job_of_the_key()
    {
        var plan = DispatchPlanner.Plan([Job(1, key: "k")], [Agent(1)], NoneRunning, new Dictionary<string, int> { ["k"] = 0 }, T0);

        plan.ShouldBeEmpty();
    }

    [Fact]
    public void A_job_in_backoff_waits_and_one_whose_backoff_ended_goes()
    {
        var jobs = new[] { Job(1, priority: 5, notBefore: T0.AddSeconds(1)), Job(2, notBefore: T0) };

        var plan = DispatchPlanner.Plan(jobs, [Agent(1), Agent(2)], NoneRunning, NoLimits, T0);

        plan.Select(p => p.Job.Id).ShouldBe([JobId(2)]);
    }

    [Fact]
    public void A_job_nobody_matches_does_not_hold_up_the_next()
    {
        var jobs = new[] { Job(1, priority: 5, selector: Labels("gpu=true")), Job(2, config: "writer") };

        var plan = DispatchPlanner.Plan(jobs, [Agent(1, "writer")], NoneRunning, NoLimits, T0);

        plan.ShouldHaveSingleItem().Job.Id.ShouldBe(JobId(2));
    }

    [Fact]
    public void The_agent_idle_longest_gets_the_first_job()
    {
        var plan = DispatchPlanner.Plan([Job(1)], [Agent(1, idleSeconds: 5), Agent(2, idleSeconds: 50)], NoneRunning, NoLimits, T0);

        plan.ShouldHaveSingleItem().Agent.Id.ShouldBe(AgentId(2));
    }
}

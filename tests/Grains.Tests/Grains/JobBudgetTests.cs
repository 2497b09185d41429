using System.Text.Json;
using Cockpit.Grains.Agents;
using Cockpit.Grains.Budgets;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Tests.Support;
using Shouldly;

namespace Cockpit.Grains.Tests.Grains;

/// <summary>
/// Budgets and runaway loops on the in-process cluster: a warning once at 80 %, a stop on the pod past the budget, a
/// raise and a resume; token budgets from heartbeats; loops flagged or stopped. Usage arrives as telemetry ingestion
/// sends it (<see cref="IJobGrain.OnUsageAsync"/>); the scripted pods stand in for HTTP (EndToEnd.Tests cover the real path).
/// </summary>
[Collection(CockpitClusterCollection.Name)]
public sealed class JobBudgetTests(CockpitCluster cluster)
{
    private static readonly LoopPolicy Flag3 = new(3, LoopAction.Flag);
    private readonly Fleet _fleet = new(cluster);

    private async Task<(AgentSnapshot Agent, JobSnapshot Job)> RunningJobAsync(JobBudget budget)
    {
        var agent = await _fleet.ReadyAgentAsync();
        var job = await _fleet.CreateJobAsync(Fleet.NewSpec() with { Budget = budget });
        job.Budget.ShouldBe(budget);
        var assigned = await _fleet.Job(job.Id).AssignAsync(agent.Id);
        assigned.Status.ShouldBe(CommandStatus.Ok, assigned.Error);
        return (agent, assigned.Value!);
    }

    private static JobUsageReport Usage(long calls, decimal? cost, long tokens = 100, LoopPolicy? loop = null, params string[] hashes) =>
        new(calls, tokens, cost, hashes.Length > 0 ? hashes : Enumerable.Range(0, 1).Select(_ => Guid.NewGuid().ToString("N")).ToArray(), loop ?? Flag3);

    [Fact]
    public async Task At_80_percent_the_job_is_warned_once_with_an_event_and_an_audit_note()
    {
        var (_, job) = await RunningJobAsync(new JobBudget(1.00m, null));

        await _fleet.Job(job.Id).OnUsageAsync(Usage(1, 0.50m));
        (await _fleet.Job(job.Id).GetAsync())!.BudgetWarning.ShouldBeFalse();
        await _fleet.Job(job.Id).OnUsageAsync(Usage(2, 0.85m));
        await _fleet.Job(job.Id).OnUsageAsync(Usage(3, 0.90m));

        var warned = (await _fleet.Job(job.Id).GetAsync())!;
        warned.BudgetWarning.ShouldBeTrue();
        warned.Status.ShouldBe(JobStatus.Processing);
        var events = _fleet.Events.JobEvents(job.Id).Where(e => e.Job.BudgetWarning).ToList();
        events.First().Cause.ShouldBe("budget warning: 85 % used ($0.85 of $1.00)");
        events.Count(e => e.Cause.StartsWith("budget warning", StringComparison.Ordinal)).ShouldBe(1, "warned once");
        cluster.Notes.Of(job.Id).ShouldHaveSingleItem().Name.ShouldBe("budget_warning");
    }

    [Fact]
    public async Task A_call_past_the_budget_cancels_the_job_on_its_pod_with_the_figures()
    {
        var (agent, job) = await RunningJobAsync(new JobBudget(1.00m, null));

        await _fleet.Job(job.Id).OnUsageAsync(Usage(4, 1.04m, tokens: 4200));

        var stopped = (await _fleet.Job(job.Id).GetAsync())!;
        stopped.Status.ShouldBe(JobStatus.Cancelled);
        stopped.ErrorMessage.ShouldBe("budget exceeded: $1.04 of $1.00");
        var details = JsonDocument.Parse(stopped.ErrorDetailsJson!).RootElement;
        details.GetProperty("reason").GetString().ShouldBe("budget_exceeded");
        details.GetProperty("cost_usd").GetDecimal().ShouldBe(1.04m);
        details.GetProperty("max_cost_usd").GetDecimal().ShouldBe(1.00m);
        details.GetProperty("tokens").GetInt64().ShouldBe(4200);
        details.GetProperty("calls").GetInt64().ShouldBe(4);
        _fleet.Pods.CommandsTo(agent.PodIp).ShouldContain(c => c.Kind == PodCommandKind.Cancel && c.JobId == job.Id);
        cluster.Notes.Of(job.Id).ShouldContain(n => n.Name == "budget_exceeded" && n.Summary == "budget exceeded: $1.04 of $1.00");
    }

    [Fact]
    public async Task A_stopped_job_resumes_only_after_its_budget_is_raised()
    {
        var (agent, job) = await RunningJobAsync(new JobBudget(1.00m, null));
        await _fleet.Job(job.Id).OnUsageAsync(Usage(4, 1.04m));
        (await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Ready)).Status.ShouldBe(AgentStatus.Ready, "the pod saved its checkpoint");

        var refused = await _fleet.Job(job.Id).ResumeAsync(null);
        refused.Status.ShouldBe(CommandStatus.Conflict);
        refused.Error.ShouldNotBeNull().ShouldStartWith("budget exceeded: $1.04 of $1.00: raise the budget first");

        var raised = await _fleet.Job(job.Id).SetBudgetAsync(new JobBudget(2.00m, null));
        raised.Status.ShouldBe(CommandStatus.Ok, raised.Error);
        raised.Value!.Budget.ShouldBe(new JobBudget(2.00m, null));
        raised.Value.Status.ShouldBe(JobStatus.Cancelled);
        raised.Value.BudgetWarning.ShouldBeFalse("$1.04 of $2.00 is under 80 %");

        var resumed = await _fleet.Job(job.Id).ResumeAsync(null);
        resumed.Status.ShouldBe(CommandStatus.Ok, resumed.Error);
        resumed.Value!.Status.ShouldBe(JobStatus.Processing);
        resumed.Value.ErrorMessage.ShouldBeNull();
        _fleet.Pods.CommandsTo(agent.PodIp).ShouldContain(c => c.Kind == PodCommandKind.Resume && c.JobId == job.Id);
    }

    [Fact]
    public async Task Lowering_the_budget_below_what_a_running_job_used_stops_it()
    {
        var (_, job) = await RunningJobAsync(new JobBudget(5.00m, null));
        await _fleet.Job(job.Id).OnUsageAsync(Usage(2, 1.50m));

        var lowered = await _fleet.Job(job.Id).SetBudgetAsync(new JobBudget(1.00m, null));

        lowered.Value!.Status.ShouldBe(JobStatus.Cancelled);
        lowered.Value.ErrorMessage.ShouldBe("budget exceeded: $1.50 of $1.00");
    }

    [Fact]
    public async Task An_agent_reporting_tokens_only_in_heartbeats_is_stopped_by_a_token_budget()
    {
        var (agent, job) = await RunningJobAsync(new JobBudget(null, 1000));

        async Task BeatAsync(long counter) => await _fleet.Agent(agent.Id).HeartbeatAsync(
            new HeartbeatInfo(AgentStatus.Working, job.Id, $$"""{"tokens_processed":{{counter}}}""", null, null, null, counter));

        await BeatAsync(50_000); // the agent's counter from earlier jobs: where this run starts
        await BeatAsync(50_900);
        await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.BudgetWarning, "the warning at 900 of 1000 tokens");
        await _fleet.Job(job.Id).OnAgentTokensAsync(agent.Id, 300); // a late, smaller report changes nothing
        (await _fleet.Job(job.Id).GetAsync())!.Status.ShouldBe(JobStatus.Processing);
        await BeatAsync(51_100);
        var stopped = await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Status == JobStatus.Cancelled, "the token stop");

        stopped.Job.ErrorMessage.ShouldBe("budget exceeded: 1100 of 1000 tokens");
        JsonDocument.Parse(stopped.Job.ErrorDetailsJson!).RootElement.GetProperty("tokens_from").GetString().ShouldBe("heartbeats");
    }

    [Fact]
    public async Task The_same_request_n_times_in_a_row_flags_the_job_and_lets_it_run()
    {
        var (_, job) = await RunningJobAsync(new JobBudget(100m, null));

        await _fleet.Job(job.Id).OnUsageAsync(Usage(2, 0.01m, loop: Flag3, hashes: ["a", "b"]));
        (await _fleet.Job(job.Id).GetAsync())!.Looping.ShouldBeFalse();
        await _fleet.Job(job.Id).OnUsageAsync(Usage(4, 0.02m, loop: Flag3, hashes: ["b", "b"]));

        var flagged = (await _fleet.Job(job.Id).GetAsync())!;
        flagged.Looping.ShouldBeTrue();
        flagged.Status.ShouldBe(JobStatus.Processing);
        _fleet.Events.JobEvents(job.Id).ShouldContain(e => e.Job.Looping && e.Cause == "looping: the same LLM request 3 times in a row");
        cluster.Notes.Of(job.Id).ShouldContain(n => n.Name == "looping");
    }

    [Fact]
    public async Task With_the_cancel_action_a_loop_stops_the_job_like_a_budget_does()
    {
        var (agent, job) = await RunningJobAsync(new JobBudget(null, 1_000_000));

        await _fleet.Job(job.Id).OnUsageAsync(Usage(3, null, loop: new LoopPolicy(3, LoopAction.Cancel), hashes: ["x", "x", "x"]));

        var stopped = (await _fleet.Job(job.Id).GetAsync())!;
        stopped.Status.ShouldBe(JobStatus.Cancelled);
        stopped.Looping.ShouldBeTrue();
        stopped.ErrorMessage.ShouldBe("looping: the same LLM request 3 times in a row");
        _fleet.Pods.CommandsTo(agent.PodIp).ShouldContain(c => c.Kind == PodCommandKind.Cancel && c.JobId == job.Id);
    }

    [Fact]
    public async Task Setting_the_budget_of_an_unknown_job_is_not_found() =>
        (await _fleet.Job(Guid.NewGuid()).SetBudgetAsync(new JobBudget(1m, null))).Status.ShouldBe(CommandStatus.NotFound);
}

using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Cockpit.EndToEnd.Tests.Support;
using Cockpit.EndToEnd.Tests.Support.Fleet;
using Xunit.Abstractions;

namespace Cockpit.EndToEnd.Tests.Reliability;

/// <summary>
/// What goes wrong on an agent's side, each ending in a defined state: a crash or a restart in the middle of a job, a
/// pod that cannot be reached when a job is pushed, heartbeats that arrive twice or late, and a heartbeat naming a job
/// the orchestrator does not know.
/// </summary>
public sealed class AgentFaultTests(AgentFaultFixture fixture, ITestOutputHelper output) : IClassFixture<AgentFaultFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private CockpitClient Api => fixture.Api;

    [Fact]
    public async Task An_agent_that_crashes_mid_job_goes_offline_its_job_fails_and_the_job_can_run_elsewhere()
    {
        var crashing = await fixture.TakeAsync();
        var rescuer = await fixture.TakeAsync();
        var job = await StartJobAsync(crashing, steps: 20);

        crashing.Crash();
        var clock = Stopwatch.StartNew();

        var offline = await Eventually.UntilAsync(() => Api.AgentInStatusAsync(crashing.Id, "offline"), Patience, "the crashed agent offline");
        var detected = clock.Elapsed;
        offline["current_job_id"].ShouldBeNull();
        var failed = await Eventually.UntilAsync(() => Api.JobInStatusAsync(job, "failed"), Patience, "its job failed");
        ((string?)failed["error_message"]).ShouldNotBeNull().ShouldContain("offline");
        ((string?)failed["assigned_agent_id"]).ShouldBe(crashing.Id.ToString());

        // The failed job starts over on another agent and completes there; it ran on the crashed pod once, here once.
        (await Api.AssignAsync(job, rescuer.Id)).Ok();
        await Eventually.UntilAsync(() => Api.JobInStatusAsync(job, "completed"), TimeSpan.FromSeconds(90), "the job completed on the rescuer");
        fixture.Fleet.Starts[job].ShouldBe(2);
        output.WriteLine($"crash mid-job: offline and job failed {detected.TotalSeconds:0.0} s after the crash (offline grace {AgentFaultFixture.OfflineAfterSeconds} s)");
    }

    [Fact]
    public async Task An_agent_that_restarts_mid_job_keeps_its_id_and_its_job_fails_as_lost()
    {
        var agent = await fixture.TakeAsync();
        var id = agent.Id;
        var job = await StartJobAsync(agent, steps: 200);

        agent.Restart();
        var clock = Stopwatch.StartNew();

        var failed = await Eventually.UntilAsync(() => Api.JobInStatusAsync(job, "failed"), Patience, "the job failed as lost");
        ((string?)failed["error_message"]).ShouldNotBeNull().ShouldContain("registered again");
        await Eventually.UntilAsync(() => Task.FromResult(agent.Id != Guid.Empty), Patience, "the agent registered again");
        agent.Id.ShouldBe(id);
        var ready = await Eventually.UntilAsync(() => Api.AgentInStatusAsync(id, "ready"), Patience, "the restarted agent ready");
        ready["current_job_id"].ShouldBeNull();
        output.WriteLine($"restart mid-job: job failed as lost {clock.Elapsed.TotalSeconds:0.0} s after the restart, no offline wait");
    }

    [Fact]
    public async Task A_job_pushed_to_an_unreachable_pod_gets_502_and_stays_assignable_until_the_pod_is_back()
    {
        var agent = await fixture.TakeAsync();
        var job = await Api.CreateJobAsync(new { prompt = "push me", context = new { steps = 3 } });
        var before = (await Api.JobAsync(job))!;
        agent.PodUnreachable = true;

        var clock = Stopwatch.StartNew();
        var refused = await Api.AssignAsync(job, agent.Id);
        var answeredIn = clock.Elapsed;

        refused.Status.ShouldBe(HttpStatusCode.BadGateway, refused.Text);
        refused.MediaType.ShouldBe("application/problem+json");
        var after = (await Api.JobAsync(job))!;
        ((string?)after["status"]).ShouldBe("created");
        after["assigned_agent_id"].ShouldBeNull();
        ((string?)after["error_message"]).ShouldNotBeNull().ShouldContain($"{agent.PodPort}"); // names the pod it could not reach
        ((string?)before["error_message"]).ShouldBeNull();
        ((string?)(await Api.AgentAsync(agent.Id))!["status"]).ShouldBe("ready");
        fixture.Fleet.Starts.ContainsKey(job).ShouldBeFalse();

        agent.PodUnreachable = false;
        (await Api.AssignAsync(job, agent.Id)).Ok()["error_message"].ShouldBeNull();
        await Eventually.UntilAsync(() => Api.JobInStatusAsync(job, "completed"), Patience, "the job completed once the pod was back");
        fixture.Fleet.Starts[job].ShouldBe(1);
        output.WriteLine($"unreachable pod: 502 after {answeredIn.TotalSeconds:0.00} s (push retries included); job left created with the error, agent ready");
    }

    [Fact]
    public async Task Duplicated_heartbeats_take_effect_once()
    {
        var agent = await fixture.TakeAsync();
        var job = await StartJobAsync(agent, steps: 200);
        agent.Silent = true; // from here the test speaks for the agent
        await Eventually.UntilAsync(async () => (await fixture.ReadModel.AgentsAsync())[agent.Id].Status == "working", Patience,
            "the read model to show the agent working");
        var assigned = await AgentVersionAsync(agent.Id);

        for (var i = 0; i < 2; i++) (await BeatAsync(agent, "working", job, processed: 1)).Ok();
        for (var i = 0; i < 3; i++) (await BeatAsync(agent, "completed", job, processed: 3)).Ok();
        await Eventually.UntilAsync(() => Api.JobInStatusAsync(job, "completed"), Patience, "the job completed");
        for (var i = 0; i < 2; i++) (await BeatAsync(agent, "ready")).Ok();

        var done = (await Api.JobAsync(job))!;
        ((int?)done["progress"]!["processed_requirements"]).ShouldBe(3);
        await Eventually.UntilAsync(async () => await AgentVersionAsync(agent.Id) == assigned + 2, Patience,
            "the agent's record to move twice (completed, ready), not once per heartbeat");
        (await TransitionsAsync(job)).ShouldBe(["→created", "created→processing", "processing→completed"]);
        ((string?)(await Api.AgentAsync(agent.Id))!["status"]).ShouldBe("ready");
    }

    [Fact]
    public async Task Late_heartbeats_never_reopen_a_finished_job_and_the_agents_latest_word_wins()
    {
        var agent = await fixture.TakeAsync();
        var job = await Api.CreateJobAsync(new { prompt = "late reports", context = new { steps = 200 } });
        agent.Silent = true;
        (await Api.AssignAsync(job, agent.Id)).Ok();

        // A "ready" sent before the pod took the job arrives after the push: stale, the agent stays on the job.
        (await BeatAsync(agent, "ready")).Ok()["status"]!.GetValue<string>().ShouldBe("working");
        (await BeatAsync(agent, "working", job, processed: 2)).Ok();
        (await BeatAsync(agent, "completed", job, processed: 4)).Ok();
        await Eventually.UntilAsync(() => Api.JobInStatusAsync(job, "completed"), Patience, "the job completed");

        // A "working" report from before the outcome arrives late: the agent shows it until its next word, but the
        // job stays completed with its final count.
        (await BeatAsync(agent, "working", job, processed: 1)).Ok();
        var job1 = (await Api.JobAsync(job))!;
        ((string?)job1["status"]).ShouldBe("completed");
        ((int?)job1["progress"]!["processed_requirements"]).ShouldBe(4);
        (await BeatAsync(agent, "ready")).Ok()["status"]!.GetValue<string>().ShouldBe("ready");

        var final = (await Api.JobAsync(job))!;
        ((string?)final["status"]).ShouldBe("completed");
        ((int?)final["progress"]!["processed_requirements"]).ShouldBe(4);
        final["error_message"].ShouldBeNull();
        await Eventually.UntilAsync(async () => (await TransitionsAsync(job)).Count == 3, Patience, "the read model to catch up");
        (await TransitionsAsync(job)).ShouldBe(["→created", "created→processing", "processing→completed"]);
    }

    [Fact]
    public async Task A_heartbeat_naming_an_unknown_job_is_taken_as_the_agents_word_and_creates_no_job()
    {
        var agent = await fixture.TakeAsync();
        agent.Silent = true;
        var unknown = Guid.NewGuid();
        var jobsBefore = (int?)(await Api.GetAsync("/api/jobs")).Ok()["total"];

        var answer = (await BeatAsync(agent, "working", unknown, processed: 1)).Ok();

        ((string?)answer["status"]).ShouldBe("working");
        var record = (await Api.AgentAsync(agent.Id))!;
        ((string?)record["current_job_id"]).ShouldBe(unknown.ToString());
        (await Api.GetAsync($"/api/jobs/{unknown}")).Status.ShouldBe(HttpStatusCode.NotFound);

        // Busy with it: a real job cannot be pushed on top.
        var other = await Api.CreateJobAsync(new { prompt = "not now" });
        (await Api.AssignAsync(other, agent.Id)).Status.ShouldBe(HttpStatusCode.Conflict);

        (await BeatAsync(agent, "completed", unknown, processed: 2)).Ok();
        (await BeatAsync(agent, "ready")).Ok();
        ((string?)(await Api.AgentAsync(agent.Id))!["status"]).ShouldBe("ready");
        (await Api.GetAsync($"/api/jobs/{unknown}")).Status.ShouldBe(HttpStatusCode.NotFound);
        ((int?)(await Api.GetAsync("/api/jobs")).Ok()["total"]).ShouldBe(jobsBefore + 1, "only the job this test created");
        ((string?)(await Api.JobAsync(other))!["status"]).ShouldBe("created");
    }

    /// <summary>Creates and assigns a job of <paramref name="steps"/> steps, and waits until the agent reports working on it.</summary>
    private async Task<Guid> StartJobAsync(FleetAgent agent, int steps)
    {
        var job = await Api.CreateJobAsync(new { prompt = $"work for {agent.Hostname}", context = new { steps } });
        (await Api.AssignAsync(job, agent.Id)).Ok();
        await Eventually.UntilAsync(async () => (int?)(await Api.JobAsync(job))?["progress"]?["processed_requirements"] >= 1, Patience,
            "the job to make progress");
        return job;
    }

    private Task<ApiResponse> BeatAsync(FleetAgent agent, string status, Guid? job = null, int? processed = null) =>
        Api.PostJsonAsync($"/api/agents/{agent.Id}/heartbeat", job is null
            ? new { status }
            : new { status, current_job_id = job, progress = new { total_requirements = 4, processed_requirements = processed } });

    private async Task<long> AgentVersionAsync(Guid agent) => (await fixture.ReadModel.AgentsAsync())[agent].Version;

    private async Task<List<string>> TransitionsAsync(Guid job) =>
        ((await fixture.ReadModel.JobTransitionsAsync()).GetValueOrDefault(job) ?? []).Select(t => $"{t.From}→{t.To}").ToList();
}

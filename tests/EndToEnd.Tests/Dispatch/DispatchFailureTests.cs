using System.Net;
using System.Text.Json.Nodes;
using Cockpit.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace Cockpit.EndToEnd.Tests.Dispatch;

/// <summary>
/// Automatic dispatch through a restart of the whole system and the SIGKILL of a silo (issue 13): the queue lives in
/// job grains and the read model, not in one process's memory, so nothing queued is lost and nothing runs twice.
/// </summary>
public sealed class DispatchFailureTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Jobs_queued_before_a_restart_of_the_whole_system_drain_after_it_each_once()
    {
        await using var system = await SystemUnderTest.CreateAsync();
        var silo = await system.StartSiloAsync();
        var document = system.WriteRequirementsDocument(2);
        var jobs = new List<Guid>();
        for (var i = 0; i < 10; i++) jobs.Add(await silo.Client.CreateJobAsync(new { prompt = $"queued {i}", document_path = document, dispatch = "auto", priority = i }));

        // The whole system goes down (SIGKILL) right after the last job was acknowledged, with every job pending (no agent
        // ever ran), and comes back on the same database. The dispatcher is rebuilt from the read model, and a queueing
        // command is answered only once the read model holds the job (ADR 0018), so nothing here waits for the projector.
        await silo.KillAsync();
        await silo.RestartAsync();
        var agents = new[] { "restart-a", "restart-b" }.Select(h => system.StartAgent(silo, h, workDelayMs: 20)).ToList();

        foreach (var id in jobs)
        {
            var done = await Eventually.UntilAsync(() => silo.Client.JobInStatusAsync(id, "completed"), Patience, $"job {id} completed after the restart",
                () => silo.Tail() + "\n" + string.Join("\n", agents.Select(a => a.Tail(20))));
            done["attempts"]!.AsArray().Count.ShouldBe(1, $"job {id} ran once");
        }
    }

    [Fact]
    public async Task Killing_a_silo_of_three_during_dispatch_starts_no_job_twice_and_leaves_none_stuck()
    {
        await using var system = await SystemUnderTest.CreateAsync();
        // The dispatcher's own silo is the one killed: it starts alone and answers for the dispatcher (a pending job's
        // waiting reason is the dispatcher's) before the others join. The dispatch interval is the default, since the
        // issue's 10 s bound below is the product's, not a tuned test's.
        var settings = new Dictionary<string, string> { ["AGENT_OFFLINE_AFTER_SECONDS"] = "10" };
        var doomed = await system.StartSiloAsync(settings);
        // 1.5 s a job on 4 agents: 24 jobs take six rounds, so most are still pending when the first four have completed.
        var document = system.WriteRequirementsDocument(15);
        var jobs = new List<Guid> { await doomed.Client.CreateJobAsync(new { prompt = "kill 0", document_path = document, dispatch = "auto" }) };
        (await doomed.Client.GetAsync($"/api/jobs/{jobs[0]}")).Ok()["waiting_reason"].ShouldNotBeNull("the dispatcher answered on the lone silo");
        var others = await Task.WhenAll(system.StartSiloAsync(settings), system.StartSiloAsync(settings));
        var entry = others[0];
        await Eventually.UntilAsync(async () => (await entry.Client.GetAsync("/api/cluster/silos")).Ok().AsArray().Count == 3,
            Patience, "3 silos in one cluster");
        var agents = Enumerable.Range(0, 4).Select(i => system.StartAgent(entry, $"kill-{i}", workDelayMs: 100)).ToList();
        foreach (var agent in agents) await SystemUnderTest.ReadyAgentIdAsync(entry, agent);
        for (var i = 1; i < 24; i++) jobs.Add(await entry.Client.CreateJobAsync(new { prompt = $"kill {i}", document_path = document, dispatch = "auto" }));

        await Eventually.UntilAsync(async () =>
        {
            var completed = (await entry.Client.GetAsync("/api/jobs?status=completed")).Ok()["total"]!.GetValue<int>();
            return completed >= 4;
        }, Patience, "dispatch under way");
        var killedAt = DateTimeOffset.UtcNow;
        await doomed.KillAsync();

        var finished = new List<JsonObject>();
        foreach (var id in jobs)
        {
            var done = await Eventually.UntilAsync(() => CompletedAsync(entry.Client, id), Patience, $"job {id} completed after the kill",
                () => entry.Tail() + "\n" + string.Join("\n", agents.Select(a => a.Tail(10))));
            finished.Add(done);
            // Started twice would show as two attempts that overlap, or as more than one completed attempt.
            var attempts = done["attempts"]!.AsArray().Select(a => (
                Start: DateTimeOffset.Parse((string)a!["started_at"]!),
                End: a["ended_at"] is { } end ? DateTimeOffset.Parse((string)end!) : DateTimeOffset.MaxValue,
                Outcome: (string)a["outcome"]!)).ToList();
            attempts.Count(a => a.Outcome == "completed").ShouldBe(1, $"job {id}");
            for (var i = 1; i < attempts.Count; i++) attempts[i].Start.ShouldBeGreaterThanOrEqualTo(attempts[i - 1].End, $"job {id}: attempts overlap");
        }

        // No pending job waited more than 10 s beside an idle agent after the kill (every agent matches every job here).
        var longest = IdleWaits.Longest(finished, killedAt);
        var startsAfter = finished.SelectMany(j => j["attempts"]!.AsArray()).Select(a => DateTimeOffset.Parse((string)a!["started_at"]!))
            .Where(start => start > killedAt).Order().ToList();
        output.WriteLine($"{startsAfter.Count} starts after the kill, the first {(startsAfter.Count > 0 ? (startsAfter[0] - killedAt).TotalSeconds : double.NaN):F1} s after it");
        startsAfter.Count.ShouldBeGreaterThan(0, "the kill came during dispatch");
        output.WriteLine($"longest wait beside an idle agent after the kill: {longest.Wait.TotalSeconds:F1} s ({longest.Detail})");
        longest.Wait.ShouldBeLessThanOrEqualTo(IdleWaits.Bound, $"after the kill at {killedAt:HH:mm:ss.fff}: {longest.Detail}");
    }

    /// <summary>The job once completed; null before. While the cluster settles after the kill, a read may be answered
    /// 503 "retry shortly" (nothing acknowledged): that is not an answer yet, so it is asked again.</summary>
    private static async Task<JsonObject?> CompletedAsync(CockpitClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/jobs/{id}");
        if (response.Status == HttpStatusCode.ServiceUnavailable) return null;
        var job = response.Ok().AsObject();
        return (string?)job["status"] == "completed" ? job : null;
    }
}

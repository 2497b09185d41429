using System.Net;
using System.Text.Json.Nodes;
using Cockpit.EndToEnd.Tests.Support;

namespace Cockpit.EndToEnd.Tests.Dispatch;

/// <summary>
/// Automatic dispatch through a restart of the whole system and the SIGKILL of a silo (issue 13): the queue lives in
/// job grains and the read model, not in one process's memory, so nothing queued is lost and nothing runs twice.
/// </summary>
public sealed class DispatchFailureTests
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

        // The whole system goes down with the jobs pending (no agent ever ran), and comes back on the same database. It goes
        // down once the read model holds them: the dispatcher is rebuilt from the read model, and a job whose creation
        // the projector had not yet written when every silo died stays invisible to it until the job changes again (a
        // known gap, noted on issue 13; the job's own record is safe in grain storage).
        await Eventually.UntilAsync(async () => (await silo.Client.GetAsync("/api/jobs?status=pending")).Ok()["total"]!.GetValue<int>() == jobs.Count,
            Patience, "the read model to hold the pending jobs");
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
        var settings = new Dictionary<string, string> { ["AGENT_OFFLINE_AFTER_SECONDS"] = "10", ["DISPATCH_RECONCILE_SECONDS"] = "2" };
        var silos = await system.StartSilosAsync(3, settings);
        var (doomed, entry) = (silos[0], silos[1]);
        var agents = Enumerable.Range(0, 4).Select(i => system.StartAgent(entry, $"kill-{i}", workDelayMs: 100)).ToList();
        foreach (var agent in agents) await SystemUnderTest.ReadyAgentIdAsync(entry, agent);
        var document = system.WriteRequirementsDocument(5);
        var jobs = new List<Guid>();
        for (var i = 0; i < 24; i++) jobs.Add(await entry.Client.CreateJobAsync(new { prompt = $"kill {i}", document_path = document, dispatch = "auto" }));

        await Eventually.UntilAsync(async () =>
        {
            var completed = (await entry.Client.GetAsync("/api/jobs?status=completed")).Ok()["total"]!.GetValue<int>();
            return completed >= 4;
        }, Patience, "dispatch under way");
        await doomed.KillAsync();

        foreach (var id in jobs)
        {
            var done = await Eventually.UntilAsync(() => CompletedAsync(entry.Client, id), Patience, $"job {id} completed after the kill",
                () => entry.Tail() + "\n" + string.Join("\n", agents.Select(a => a.Tail(10))));
            // Started twice would show as two attempts that overlap, or as more than one completed attempt.
            var attempts = done["attempts"]!.AsArray().Select(a => (
                Start: DateTimeOffset.Parse((string)a!["started_at"]!),
                End: a["ended_at"] is { } end ? DateTimeOffset.Parse((string)end!) : DateTimeOffset.MaxValue,
                Outcome: (string)a["outcome"]!)).ToList();
            attempts.Count(a => a.Outcome == "completed").ShouldBe(1, $"job {id}");
            for (var i = 1; i < attempts.Count; i++) attempts[i].Start.ShouldBeGreaterThanOrEqualTo(attempts[i - 1].End, $"job {id}: attempts overlap");
        }
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

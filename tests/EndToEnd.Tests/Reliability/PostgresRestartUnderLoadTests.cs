using System.Diagnostics;
using System.Net;
using Cockpit.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace Cockpit.EndToEnd.Tests.Reliability;

/// <summary>
/// PostgreSQL (a private server, never the shared test one) is stopped and started again while 200 agents heartbeat,
/// 20 jobs run and a person keeps creating, cancelling and assigning jobs. The silos must come back by themselves;
/// every command is either acknowledged and then visible, or refused with 503 and without effect; agents' reports
/// that could not be written are sent again until they are. Figures go to the test output.
/// </summary>
public sealed class PostgresRestartUnderLoadTests(ITestOutputHelper output)
{
    private const int AgentCount = 200;
    private const int JobCount = 20;
    private const int SpareAgents = 30;

    [Fact]
    public async Task Restarting_the_database_under_load_loses_nothing_acknowledged_and_the_silos_recover_by_themselves()
    {
        var phases = new PhaseLog(output);
        await using var postgres = await PrivatePostgres.StartAsync();
        await using var system = SystemUnderTest.CreateOn(postgres.ConnectionString);
        await using var cluster = await LoadedCluster.StartAsync(system, 2, AgentCount, "pg", ReliabilitySettings.FastLiveness, phases,
            requestTimeout: TimeSpan.FromSeconds(45));
        var api = cluster.Api;
        var fleet = cluster.Fleet;
        await cluster.StartHeldJobsAsync(JobCount, phases);

        // A person at work through the whole experiment, on agents of their own.
        var spare = fleet.Agents.Skip(JobCount).Take(SpareAgents).Select(a => a.Id).ToList();
        var ledger = new WriteLedger(api, spare);
        using var stopWriting = new CancellationTokenSource();
        var writing = ledger.RunAsync(TimeSpan.FromMilliseconds(150), stopWriting.Token);
        await Eventually.UntilAsync(() => Task.FromResult(ledger.Acknowledged("create").Count() >= 6),
            TimeSpan.FromSeconds(30), "a few acknowledged writes before the outage");

        // The outage: the jobs finish while the database is down, so their outcomes cannot be written.
        await postgres.StopAsync("fast");
        var stoppedAt = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        fleet.ReleaseHeldJobs();
        phases.Mark("PostgreSQL stopped; jobs released");
        await Eventually.UntilAsync(() => Task.FromResult(clock.Elapsed > TimeSpan.FromSeconds(3)
                                                          && new[] { "create", "cancel", "assign" }.All(op => ledger.Refused(op).Any())),
            TimeSpan.FromSeconds(90), "a create, a cancel and an assign to be refused during the outage", () => string.Join("\n", ledger.Entries.TakeLast(5)));
        var refusedDuringOutage = ledger.Entries.Count(e => e.At >= stoppedAt && e.IsRefused);
        await postgres.StartAgainAsync();
        var outage = clock.Elapsed;
        var restartedAt = DateTime.UtcNow;
        clock.Restart();
        phases.Mark($"PostgreSQL started again after {outage.TotalSeconds:0.0} s down");

        // The silos recover by themselves: ready again, commands acknowledged again, agents served again.
        await Eventually.UntilAsync(async () =>
        {
            foreach (var (_, silo) in cluster.Silos)
            {
                if (!await silo.Client.IsReadyAsync()) return false;
            }
            return true;
        }, TimeSpan.FromSeconds(60), "every silo to be ready again", () => cluster.Tails());
        var silosReady = clock.Elapsed;
        await Eventually.UntilAsync(() => Task.FromResult(ledger.Entries.Any(e => e.At >= restartedAt && e.Operation == "create" && e.IsAcknowledged)),
            TimeSpan.FromSeconds(60), "a create to be acknowledged after the restart", () => string.Join("\n", ledger.Entries.TakeLast(5)) + "\n" + cluster.Tails());
        var writesBack = ledger.Entries.Where(e => e.At >= restartedAt && e.IsAcknowledged).Min(e => e.At) - restartedAt;
        await Eventually.UntilAsync(() => Task.FromResult(fleet.Agents.All(a => a.FirstAcknowledgedAfter(restartedAt) is not null)),
            TimeSpan.FromSeconds(60), "every agent to be served after the restart", () => cluster.Tails());
        var agentsServed = fleet.Agents.Max(a => a.FirstAcknowledgedAfter(restartedAt)!.AnsweredAt) - restartedAt;
        await cluster.WaitForAllJobsCompletedAsync(TimeSpan.FromSeconds(60), () => cluster.Tails());
        var jobsCompleted = clock.Elapsed;
        phases.Mark("silos ready, writes acknowledged, agents served, jobs completed");

        // A little more work after recovery, then the person stops.
        var before = ledger.Entries.Count;
        await Eventually.UntilAsync(() => Task.FromResult(ledger.Entries.Count >= before + 4), TimeSpan.FromSeconds(30), "writes after recovery");
        await stopWriting.CancelAsync();
        await writing;

        // No command got anything but an acknowledgement or a clear 503; no heartbeat got a 500.
        ledger.Unexpected.ShouldBeEmpty(string.Join("\n", cluster.Silos.Select(s => s.Silo.Tail(400))));
        var heartbeats = fleet.Agents.SelectMany(a => a.Heartbeats).ToList();
        var odd = fleet.Agents.SelectMany(a => a.Heartbeats.Where(h => h.Status is not (HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable))
            .Select(h => $"{a.Hostname} {a.Id}: {h}")).ToList();
        odd.ShouldBeEmpty("heartbeats answered other than 200 or 503\n" + string.Join("\n", cluster.Silos.Select(s => s.Silo.Tail(300))));
        var slowest = heartbeats.Max(h => h.AnsweredAt - h.SentAt);

        // Nothing acknowledged is lost.
        foreach (var create in ledger.Acknowledged("create"))
        {
            var job = (await api.JobAsync(create.JobId!.Value)).ShouldNotBeNull($"acknowledged {create} is gone");
            ((string?)job["prompt"]).ShouldBe(create.Prompt);
        }
        foreach (var cancel in ledger.Acknowledged("cancel"))
        {
            ((string?)(await api.JobAsync(cancel.JobId!.Value))!["status"]).ShouldBe("cancelled", $"acknowledged {cancel}");
        }
        foreach (var assign in ledger.Acknowledged("assign"))
        {
            var job = (await api.JobAsync(assign.JobId!.Value))!;
            ((string?)job["assigned_agent_id"]).ShouldBe(assign.AgentId.ToString(), $"acknowledged {assign}");
            ((string?)job["status"]).ShouldBeOneOf(["processing", "completed"], $"acknowledged {assign}");
            fleet.Starts.GetValueOrDefault(assign.JobId!.Value).ShouldBe(1, $"acknowledged {assign}");
        }
        foreach (var job in cluster.Jobs)
        {
            fleet.Starts.GetValueOrDefault(job).ShouldBe(1, $"job {job}");
            fleet.CompletionsAcknowledged.GetValueOrDefault(job).ShouldBeGreaterThanOrEqualTo(1, $"job {job}");
        }

        // Refused commands changed nothing: no job appeared that was not acknowledged, no refused cancel took effect,
        // and an agent whose assignment was refused does not work on that job.
        var expectedJobs = JobCount + ledger.Acknowledged("create").Count();
        await Eventually.UntilAsync(async () => (int?)(await api.GetAsync("/api/jobs")).Ok()["total"] == expectedJobs,
            TimeSpan.FromSeconds(30), $"the read model to list exactly the {expectedJobs} acknowledged jobs");
        var acknowledgedCancels = ledger.Acknowledged("cancel").Select(e => e.JobId).ToHashSet();
        foreach (var cancel in ledger.Refused("cancel").Where(e => !acknowledgedCancels.Contains(e.JobId)))
        {
            ((string?)(await api.JobAsync(cancel.JobId!.Value))!["status"]).ShouldNotBe("cancelled", $"refused {cancel}");
        }
        foreach (var assign in ledger.Refused("assign"))
        {
            var job = (await api.JobAsync(assign.JobId!.Value))!;
            ((string?)job["assigned_agent_id"]).ShouldNotBe(assign.AgentId.ToString(), $"refused {assign}");
            await Eventually.UntilAsync(async () => (string?)(await api.AgentAsync(assign.AgentId!.Value))?["status"] == "ready"
                                                    && fleet.ById(assign.AgentId!.Value).CurrentJobId != assign.JobId,
                TimeSpan.FromSeconds(30), $"the agent of refused {assign} to be ready and not on that job");
        }

        var refused = heartbeats.Count(h => h.Status == HttpStatusCode.ServiceUnavailable);
        output.WriteLine($"PostgreSQL restart: 2 silos, {AgentCount} agents, {JobCount} jobs finishing during the outage, one command every 150 ms");
        output.WriteLine($"  database down for {outage.TotalSeconds:0.0} s; {refusedDuringOutage} commands refused with 503 meanwhile");
        output.WriteLine($"  every silo ready again {silosReady.TotalSeconds:0.00} s after the restart; first command acknowledged after {writesBack.TotalSeconds:0.00} s");
        output.WriteLine($"  every agent served again after {agentsServed.TotalSeconds:0.00} s; all jobs completed after {jobsCompleted.TotalSeconds:0.00} s, each pushed once");
        output.WriteLine($"  commands: {ledger.Entries.Count(e => e.IsAcknowledged)} acknowledged (all visible afterwards), {ledger.Entries.Count(e => e.IsRefused)} refused with 503 " +
                         $"(none took effect: {string.Join(", ", new[] { "create", "cancel", "assign" }.Select(op => $"{ledger.Refused(op).Count()} {op}"))}), 0 other");
        output.WriteLine($"  heartbeats: {heartbeats.Count} sent, {refused} refused with 503 and sent again, none answered otherwise; slowest answer {slowest.TotalSeconds:0.0} s");
    }
}

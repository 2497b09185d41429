using System.Diagnostics;
using System.Net;
using Cockpit.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace Cockpit.EndToEnd.Tests.Reliability;

/// <summary>
/// Three silos behind the cluster proxy, 200 simulated agents heartbeating every second and 20 jobs running; one silo is
/// SIGKILLed. Every agent and job must be served again by the two survivors, no job may be lost or run twice, and
/// offline detection must neither miss a silent agent nor flag a talking one. Figures go to the test output.
/// </summary>
public sealed class SiloKillUnderLoadTests(ITestOutputHelper output)
{
    private const int AgentCount = 200;
    private const int JobCount = 20;
    private const int SilentCount = 10;

    [Fact]
    public async Task Killing_one_silo_of_three_under_load_loses_no_agent_and_no_job()
    {
        var phases = new PhaseLog(output);
        await using var system = await SystemUnderTest.CreateAsync();
        await using var cluster = await LoadedCluster.StartAsync(system, 3, AgentCount, "kill", ReliabilitySettings.FastLiveness, phases);
        var api = cluster.Api;
        var fleet = cluster.Fleet;
        var probe = new ReadModelProbe(system.ConnectionString);
        await cluster.StartHeldJobsAsync(JobCount, phases);

        // Kill the silo that hosts the most working agents' grains; silence ten idle agents, half of them hosted there.
        var homes = await cluster.AgentHomesAsync();
        var doomed = cluster.Silos.MaxBy(n => cluster.Workers.Count(w => LoadedCluster.Hosts(n.Silo, homes[w.Id])));
        var idle = fleet.Agents.Skip(JobCount).ToList();
        var silent = idle.Where(a => LoadedCluster.Hosts(doomed.Silo, homes[a.Id])).Take(SilentCount / 2)
            .Concat(idle.Where(a => !LoadedCluster.Hosts(doomed.Silo, homes[a.Id])).Take(SilentCount / 2)).ToList();
        if (silent.Count < SilentCount) silent.AddRange(idle.Except(silent).Take(SilentCount - silent.Count));
        var talking = fleet.Agents.Except(silent).ToList();
        var onDoomed = fleet.Agents.Where(a => LoadedCluster.Hosts(doomed.Silo, homes[a.Id])).ToList();
        var versionsBefore = await probe.AgentsAsync();

        foreach (var agent in silent) agent.Silent = true;
        await doomed.Silo.KillAsync();
        var killedAt = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        fleet.ReleaseHeldJobs();
        phases.Mark($"killed {doomed.Name}; jobs released");

        // Every talking agent has a heartbeat acknowledged that left after the kill.
        await Eventually.UntilAsync(() => Task.FromResult(talking.All(a => a.FirstAcknowledgedAfter(killedAt) is not null)),
            TimeSpan.FromSeconds(60), "every talking agent to be served again",
            () => $"{talking.Count(a => a.FirstAcknowledgedAfter(killedAt) is null)} not yet\n" + cluster.Tails(doomed.Silo));
        var agentsServed = talking.Max(a => a.FirstAcknowledgedAfter(killedAt)!.AnsweredAt) - killedAt;

        // Every job is served again: a step past the hold or an outcome is accepted.
        var jobsServedAt = new Dictionary<Guid, TimeSpan>();
        var lastSeen = new Dictionary<Guid, string>();
        await Eventually.UntilAsync(async () =>
        {
            foreach (var job in cluster.Jobs.Where(j => !jobsServedAt.ContainsKey(j)))
            {
                if (await cluster.TryJobAsync(job) is not { } now) continue;
                lastSeen[job] = $"{now["status"]} at step {now["progress"]?["processed_requirements"]}";
                if ((string?)now["status"] != "processing" || (int?)now["progress"]?["processed_requirements"] > LoadedCluster.HeldAt)
                {
                    jobsServedAt[job] = clock.Elapsed;
                }
            }
            return jobsServedAt.Count == JobCount;
        }, TimeSpan.FromSeconds(60), "every job to move on after the kill",
            () => string.Join("\n", cluster.Jobs.Where(j => !jobsServedAt.ContainsKey(j)).Select(j => $"{j}: {lastSeen.GetValueOrDefault(j, "never answered")}"))
                  + "\n" + cluster.JobsReport() + "\n" + cluster.Tails(doomed.Silo));
        var jobsServed = jobsServedAt.Values.Max();
        var fullRecovery = agentsServed > jobsServed ? agentsServed : jobsServed;
        phases.Mark("every agent and job served again");

        await cluster.WaitForAllJobsCompletedAsync(TimeSpan.FromSeconds(60), () => cluster.Tails(doomed.Silo));
        var jobsCompleted = clock.Elapsed;
        phases.Mark("every job completed");

        await Eventually.UntilAsync(async () =>
        {
            var offline = await OfflineAsync(api);
            return silent.All(a => offline.Contains(a.Id));
        }, TimeSpan.FromSeconds(60), "every silent agent to be marked offline", () => cluster.Tails(doomed.Silo));
        var silentOffline = clock.Elapsed;
        phases.Mark("every silent agent offline");

        // Nothing lost, nothing twice: each job was pushed to a pod once and completed once, as the read model agrees.
        foreach (var job in cluster.Jobs)
        {
            fleet.Starts.GetValueOrDefault(job).ShouldBe(1, $"job {job} was started {fleet.Starts.GetValueOrDefault(job)} times");
            fleet.CompletionsAcknowledged.GetValueOrDefault(job).ShouldBeGreaterThanOrEqualTo(1);
        }
        fleet.Resumes.ShouldBeEmpty();
        await Eventually.UntilAsync(async () => (int?)(await api.GetAsync("/api/jobs?status=completed")).Ok()["total"] == JobCount,
            TimeSpan.FromSeconds(30), "the read model to list every job as completed");
        ((int?)(await api.GetAsync("/api/jobs")).Ok()["total"]).ShouldBe(JobCount);
        var transitions = await probe.JobTransitionsAsync();
        foreach (var job in cluster.Jobs)
        {
            var steps = transitions.GetValueOrDefault(job) ?? [];
            steps.Count(t => t.To == "processing").ShouldBeLessThanOrEqualTo(1, $"job {job}: {string.Join(", ", steps)}");
            steps.Count(t => t.To == "completed").ShouldBeLessThanOrEqualTo(1, $"job {job}: {string.Join(", ", steps)}");
        }

        // Offline detection stayed correct: exactly the silent agents are offline, and no talking idle agent's record
        // changed at all (an offline flap would have moved its version on twice).
        (await OfflineAsync(api)).ShouldBe(silent.Select(a => a.Id).ToHashSet(), ignoreOrder: true);
        var versionsAfter = await probe.AgentsAsync();
        var flapped = idle.Except(silent).Where(a => versionsAfter[a.Id] != versionsBefore[a.Id]).ToList();
        flapped.ShouldBeEmpty("talking agents whose record changed: " +
            string.Join(", ", flapped.Select(a => $"{a.Hostname} {versionsBefore[a.Id]} → {versionsAfter[a.Id]}")));
        foreach (var worker in cluster.Workers) (await api.AgentInStatusAsync(worker.Id, "ready")).ShouldNotBeNull($"{worker.Hostname} ready after its job");

        // The agents of the dead silo live on the survivors now.
        foreach (var agent in onDoomed.Except(silent))
        {
            var home = (string)(await api.GetAsync($"/api/cluster/agents/{agent.Id}/silo")).Ok()["silo"]!;
            LoadedCluster.Hosts(doomed.Silo, home).ShouldBeFalse($"{agent.Hostname} still placed on the dead silo");
        }

        var failed = talking.SelectMany(a => a.Heartbeats).Where(h => h.SentAt >= killedAt && h.Status != HttpStatusCode.OK).ToList();
        failed.Where(h => h.Status is not (null or HttpStatusCode.ServiceUnavailable)).ShouldBeEmpty("heartbeats answered other than 200 or 503");
        output.WriteLine($"silo kill: {AgentCount} agents ({onDoomed.Count} hosted on the killed {doomed.Name}), {JobCount} jobs, {SilentCount} silent agents");
        output.WriteLine($"  every talking agent served again after {agentsServed.TotalSeconds:0.00} s");
        output.WriteLine($"  every job served again (a step or an outcome accepted) after {jobsServed.TotalSeconds:0.00} s");
        output.WriteLine($"  full recovery (agents and jobs) after {fullRecovery.TotalSeconds:0.00} s");
        output.WriteLine($"  all {JobCount} jobs completed {jobsCompleted.TotalSeconds:0.00} s after the kill; each pushed once, completed once");
        output.WriteLine($"  all {SilentCount} silent agents offline {silentOffline.TotalSeconds:0.00} s after the kill " +
                         $"(offline grace {ReliabilitySettings.FastLiveness["AGENT_OFFLINE_AFTER_SECONDS"]} s); no talking agent flapped");
        output.WriteLine($"  heartbeats not acknowledged after the kill: {failed.Count} " +
                         $"({string.Join(", ", failed.GroupBy(h => h.Status?.ToString() ?? "no answer").Select(g => $"{g.Key}: {g.Count()}"))})");
    }

    private static async Task<HashSet<Guid>> OfflineAsync(CockpitClient api) =>
        (await api.GetAsync("/api/agents?status=offline")).Ok().AsArray().Select(a => Guid.Parse((string)a!["id"]!)).ToHashSet();
}

using System.Globalization;
using Cockpit.Bench.Failover;
using Cockpit.Bench.Infrastructure;
using Cockpit.Bench.Load;
using Cockpit.Bench.Results;
using Cockpit.TestSupport;

namespace Cockpit.Bench.Scenarios;

/// <summary>
/// Scenario 5: three silos as one cluster; a fleet heartbeats every 500 ms through two of them (as through a load
/// balancer) while jobs are dispatched; the third silo, which hosts a share of the grains, is SIGKILLed mid-dispatch.
/// Measures how long until every agent's heartbeat succeeds again, then has every agent finish its job and checks
/// that each job ran exactly once and ended completed.
/// </summary>
public sealed class FailoverScenario : IScenario
{
    private static readonly TimeSpan HeartbeatPeriod = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan DispatchSpread = TimeSpan.FromSeconds(4);

    public string Name => "failover";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context)
    {
        var s = context.Settings;
        await using var database = await TestPostgres.CreateDatabaseAsync("bench_failover");
        var clusterId = BenchContext.NewClusterId("failover");
        var settings = new Dictionary<string, string>
        {
            ["AGENT_HEARTBEAT_INTERVAL_SECONDS"] = "1",
            ["AGENT_OFFLINE_AFTER_SECONDS"] = "60",
        };
        var starting = Enumerable.Range(0, 3).Select(_ => SiloNode.StartAsync(database.ConnectionString, clusterId, context.WorkspaceRoot, settings)).ToList();
        var silos = new List<SiloNode>();
        try
        {
            foreach (var start in starting) silos.Add(await start);
            return await RunClusterAsync(silos, s);
        }
        finally
        {
            foreach (var start in starting.Where(t => t.IsCompletedSuccessfully && !silos.Contains(t.Result))) silos.Add(start.Result);
            foreach (var silo in silos) await silo.DisposeAsync();
        }
    }

    private static async Task<IReadOnlyList<BenchResult>> RunClusterAsync(List<SiloNode> silos, BenchSettings s)
    {
        var doomed = silos[2];
        using var routeA = new AgentProtocolClient(silos[0].BaseAddress, 64, TimeSpan.FromSeconds(10));
        using var routeB = new AgentProtocolClient(silos[1].BaseAddress, 64, TimeSpan.FromSeconds(10));
        AgentProtocolClient[] routes = [routeA, routeB];
        await WaitForMembersAsync(routeA, 3);

        await using var pods = await FakePods.StartAsync();
        var agents = (await Registrar.RegisterAsync(routeA, s.FailoverAgents, "failover", pods.Port, 32)).AgentIds;
        await FleetWarmup.MakeReadyAsync(routeB, agents);
        var fleet = new SimulatedFleet(agents, routes, HeartbeatPeriod);
        pods.JobStarted = fleet.OnJobStarted;
        var jobs = new Guid[s.FailoverJobs];
        for (var k = 0; k < jobs.Length; k++)
        {
            jobs[k] = await routeA.CreateJobAsync($"bench failover {k}");
            fleet.Expect(jobs[k], k);
        }

        using var stopFleet = new CancellationTokenSource();
        var beating = fleet.RunAsync(stopFleet.Token);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var onDoomed = await CountOnSiloAsync(routeA, agents, doomed.SiloPort);
        BenchContext.Log($"failover: {onDoomed} of {agents.Length} agent grains live on the silo to be killed");

        // Dispatch across the kill: half the jobs are assigned before it, half while the cluster recovers.
        var retries = 0;
        var dispatch = jobs.Select((job, k) => Task.Run(async () =>
        {
            await Task.Delay(DispatchSpread * k / jobs.Length);
            Interlocked.Add(ref retries, await AssignWithRetryAsync(routes, job, agents[k]));
        })).ToList();
        await Task.Delay(DispatchSpread / 2);
        await doomed.KillAsync();
        var killMs = fleet.NowMs;
        BenchContext.Log("failover: SIGKILL sent");
        await Task.WhenAll(dispatch);

        FailoverRecovery.Outcome recovery;
        while (true)
        {
            recovery = FailoverRecovery.Compute(fleet.Attempts, fleet.Count, killMs);
            var sinceKill = fleet.NowMs - killMs;
            if ((recovery.FullRecoveryMs is { } full && sinceKill > full + 3000) || sinceKill > 60_000) break;
            await Task.Delay(500);
        }
        BenchContext.Log($"failover: recovery {recovery}");

        foreach (var job in jobs) fleet.Complete(job);
        var finals = new Dictionary<Guid, string?>();
        var errors = new Dictionary<Guid, string?>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            foreach (var job in jobs.Where(j => !finals.TryGetValue(j, out var st) || st != "completed"))
            {
                var row = await routeA.GetJsonAsync($"/api/jobs/{job}");
                finals[job] = (string?)row?["status"];
                errors[job] = (string?)row?["error_message"];
            }
            if (finals.Values.All(v => v == "completed") || DateTime.UtcNow > deadline) break;
            await Task.Delay(500);
        }
        await stopFleet.CancelAsync();
        await beating;

        var audit = JobLedger.Check(jobs.Select(j => new JobRecord(j, pods.StartCount(j), finals[j])).ToList());
        var lostDetail = audit.Lost.Take(3).Select(j =>
            $"{finals[j] ?? "gone"} after {pods.StartCount(j)} start(s){(errors[j] is { } error ? $": \"{error}\"" : "")}");
        BenchContext.Log($"failover: {audit.Lost.Count} lost {string.Join(", ", lostDetail)}; {audit.Duplicated.Count} duplicated; {retries} assign retries");

        var how = $"{agents.Length} agents heartbeating every {HeartbeatPeriod.TotalMilliseconds:0} ms through the two surviving silos; {onDoomed} of their grains "
            + $"were on the killed silo; {recovery.AgentsAffected} agents saw at least one failed heartbeat ({recovery.FailedHeartbeats} failures in all)"
            + (recovery.AgentsUnrecovered > 0 ? $"; {recovery.AgentsUnrecovered} never recovered" : "") + ".";
        var jobsHow = $"{jobs.Length} jobs assigned over {DispatchSpread.TotalSeconds:0} s with the kill in the middle ({retries} assignments retried "
            + "after an error, each retry first asking whether the job had started), then completed by their agents; lost = gone, never started or not completed; "
            + "duplicated = /job/start received more than once." + (audit.Lost.Count > 0 ? $" Lost, e.g.: {string.Join("; ", lostDetail)}." : "");
        return
        [
            new BenchResult("failover (3 silos, SIGKILL one)", "time to full heartbeat success", (recovery.FullRecoveryMs ?? double.NaN) / 1000, "s",
                Targets: [Target.AtMost(10)], Note: how),
            new BenchResult("failover (3 silos, SIGKILL one)", "lost jobs", audit.Lost.Count, "jobs", Targets: [Target.AtMost(0)], Note: jobsHow),
            new BenchResult("failover (3 silos, SIGKILL one)", "duplicated jobs", audit.Duplicated.Count, "jobs", Targets: [Target.AtMost(0)]),
        ];
    }

    /// <summary>Assigns until it sticks; after an error, first asks whether the job started anyway. Returns the retries.</summary>
    private static async Task<int> AssignWithRetryAsync(AgentProtocolClient[] routes, Guid job, Guid agent)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        for (var attempt = 0; DateTime.UtcNow < deadline; attempt++)
        {
            var route = routes[attempt % routes.Length];
            if (await route.AssignJobAsync(job, agent) is null) return attempt;
            try
            {
                var status = (string?)(await route.GetJsonAsync($"/api/jobs/{job}"))?["status"];
                if (status is "processing" or "completed") return attempt;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // the cluster is still recovering: try again
            }
            await Task.Delay(250);
        }
        return -1;
    }

    private static async Task WaitForMembersAsync(AgentProtocolClient client, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await client.GetJsonAsync("/api/cluster/silos"))?.AsArray().Count != count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the cluster did not reach {count} silos");
            await Task.Delay(500);
        }
    }

    private static async Task<int> CountOnSiloAsync(AgentProtocolClient client, IEnumerable<Guid> agents, string siloPort)
    {
        var count = 0;
        foreach (var agent in agents)
        {
            var silo = (string?)(await client.GetJsonAsync($"/api/cluster/agents/{agent}/silo"))?["silo"];
            if (silo?.Contains(":" + siloPort, StringComparison.Ordinal) == true) count++;
        }
        return count;
    }
}

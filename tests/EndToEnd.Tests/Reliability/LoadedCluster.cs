using System.Net;
using System.Text.Json.Nodes;
using Cockpit.EndToEnd.Tests.Support;
using Cockpit.EndToEnd.Tests.Support.Fleet;

namespace Cockpit.EndToEnd.Tests.Reliability;

/// <summary>
/// The load the fault tests run under: silos behind the cluster proxy (as a Kubernetes Service would stand in front
/// of them), a fleet of simulated agents heartbeating every second through the proxy, and jobs running on some of
/// them, each held at <see cref="HeldAt"/> steps until the test has injected its fault.
/// </summary>
public sealed class LoadedCluster : IAsyncDisposable
{
    /// <summary>Steps every job does before it waits for the fault.</summary>
    public const int HeldAt = 2;

    private readonly ClusterProxyProcess _proxy;

    private LoadedCluster(IReadOnlyList<(string Name, SiloProcess Silo)> silos, ClusterProxyProcess proxy, SimulatedAgentFleet fleet)
    {
        Silos = silos;
        _proxy = proxy;
        Fleet = fleet;
    }

    public IReadOnlyList<(string Name, SiloProcess Silo)> Silos { get; }
    public SimulatedAgentFleet Fleet { get; }

    /// <summary>The cluster's one address, as agents and people use it.</summary>
    public CockpitClient Api => _proxy.Client;

    public ClusterProxyProcess Proxy => _proxy;

    /// <summary>The running jobs, in the order they were created.</summary>
    public List<Guid> Jobs { get; } = [];

    /// <summary>The agent each job runs on: <c>Workers[i]</c> runs <c>Jobs[i]</c>.</summary>
    public List<FleetAgent> Workers { get; } = [];

    /// <summary>Starts the silos side by side, the proxy in front, and the fleet; returns once every agent is ready.</summary>
    public static async Task<LoadedCluster> StartAsync(SystemUnderTest system, int siloCount, int agentCount, string hostnamePrefix,
        IReadOnlyDictionary<string, string> settings, PhaseLog phases, TimeSpan? requestTimeout = null)
    {
        var silos = await system.StartSilosAsync(siloCount, settings);
        var named = silos.Select((silo, i) => (Name: $"silo-{i + 1}", Silo: silo)).ToList();
        var proxy = await ClusterProxyProcess.StartAsync(named.Select(n => (n.Name, n.Silo.BaseAddress)));
        await Eventually.UntilAsync(async () => (await proxy.HealthAsync()).Values.All(healthy => healthy),
            TimeSpan.FromSeconds(30), "the proxy to see every silo ready", () => proxy.Tail());
        phases.Mark($"{siloCount} silos and the proxy up");

        var fleet = await SimulatedAgentFleet.StartAsync(proxy.BaseAddress, agentCount,
            new FleetOptions
            {
                HostnamePrefix = hostnamePrefix,
                StepDelay = TimeSpan.FromMilliseconds(250),
                HoldAtStep = HeldAt,
                RequestTimeout = requestTimeout ?? new FleetOptions().RequestTimeout,
            });
        var cluster = new LoadedCluster(named, proxy, fleet);
        await fleet.WaitUntilRegisteredAsync(TimeSpan.FromSeconds(120));
        await Eventually.UntilAsync(async () => (await cluster.Api.GetAsync("/api/agents?status=ready")).Ok().AsArray().Count == agentCount,
            TimeSpan.FromSeconds(60), $"all {agentCount} agents ready in the read model");
        phases.Mark($"{agentCount} agents registered and ready");
        return cluster;
    }

    /// <summary>
    /// Creates <paramref name="count"/> jobs on the first agents of the fleet and waits until each has reported
    /// <see cref="HeldAt"/> steps and waits there. Job i needs 1 + i more steps after the release, so the jobs end
    /// one after another, 250 ms apart.
    /// </summary>
    public async Task StartHeldJobsAsync(int count, PhaseLog phases)
    {
        var started = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var worker = Fleet.Agents[i];
            var job = await Api.CreateJobAsync(new { prompt = $"job under load {i}", context = new { steps = HeldAt + 1 + i } });
            (await Api.AssignAsync(job, worker.Id)).Ok();
            return (Job: job, Worker: worker);
        }));
        Jobs.AddRange(started.Select(s => s.Job));
        Workers.AddRange(started.Select(s => s.Worker));
        var seen = new Dictionary<Guid, string>();
        await Eventually.UntilAsync(async () =>
        {
            foreach (var job in Jobs)
            {
                var now = (await Api.JobAsync(job))!;
                seen[job] = $"{now["status"]} at step {now["progress"]?["processed_requirements"]}";
            }
            return seen.Values.All(s => s == $"processing at step {HeldAt}") && Fleet.HeldCount == count;
        }, TimeSpan.FromSeconds(60), $"every job to report step {HeldAt} and wait there",
            () => string.Join("\n", seen.Select(s => $"{s.Key}: {s.Value}")) + "\n" + JobsReport());
        phases.Mark($"{count} jobs running, held at step {HeldAt}");
    }

    /// <summary>Which silo hosts each agent's grain right now (silo address as Orleans prints it).</summary>
    public async Task<Dictionary<Guid, string>> AgentHomesAsync() =>
        (await Task.WhenAll(Fleet.Agents.Select(async agent =>
            (agent.Id, Silo: (string)(await Api.GetAsync($"/api/cluster/agents/{agent.Id}/silo")).Ok()["silo"]!))))
        .ToDictionary(h => h.Id, h => h.Silo);

    /// <summary>The job from its grain, or null when the cluster cannot answer right now.</summary>
    public async Task<JsonObject?> TryJobAsync(Guid job)
    {
        try
        {
            var response = await Api.GetAsync($"/api/jobs/{job}");
            return response.Status == HttpStatusCode.OK ? response.Json!.AsObject() : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Waits until every job's grain says completed.</summary>
    public Task WaitForAllJobsCompletedAsync(TimeSpan timeout, Func<string> diagnostics) =>
        Eventually.UntilAsync(async () =>
        {
            foreach (var job in Jobs)
            {
                if ((string?)(await TryJobAsync(job))?["status"] != "completed") return false;
            }
            return true;
        }, timeout, "every job to complete", () => JobsReport() + "\n" + diagnostics());

    /// <summary>Per job: pushes and acknowledged outcomes on the pod side, and what its agent last said.</summary>
    public string JobsReport() =>
        string.Join("\n", Jobs.Select((j, i) =>
            $"job {j}: starts {Fleet.Starts.GetValueOrDefault(j)}, completions acknowledged {Fleet.CompletionsAcknowledged.GetValueOrDefault(j)}, " +
            $"{Workers[i].Hostname} {Workers[i].Status} step {Workers[i].Processed}, last answers " +
            string.Join(" ", Workers[i].Heartbeats.TakeLast(4).Select(h => $"{h.ReportedStatus}:{h.Status?.ToString() ?? "none"}"))));

    /// <summary>The last lines of every silo but <paramref name="except"/>.</summary>
    public string Tails(SiloProcess? except = null) => string.Join("\n", Silos.Where(s => s.Silo != except).Select(s => s.Silo.Tail(30)));

    public static bool Hosts(SiloProcess silo, string siloAddress) => siloAddress.Contains($":{silo.Environment["SILO_PORT"]}", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await Fleet.DisposeAsync();
        await _proxy.DisposeAsync();
    }
}

using Cockpit.Bench.Infrastructure;
using Cockpit.Bench.Load;
using Cockpit.Bench.Results;

namespace Cockpit.Bench.Scenarios;

/// <summary>
/// Scenario 1: registered agents heartbeating as fast as the server takes them (closed loop, fixed concurrency),
/// against the silo, the bare endpoint and the naive server in turn, with the same client and payloads.
/// </summary>
public sealed class HeartbeatIngestScenario : IScenario
{
    public string Name => "ingest";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context)
    {
        var s = context.Settings;
        await using var targets = await TargetSet.StartAsync(Name, context.WorkspaceRoot);
        var fleets = new Dictionary<Contender, (AgentProtocolClient Client, Guid[] Agents)>();
        foreach (var (kind, address) in targets.All)
        {
            var client = new AgentProtocolClient(address, s.IngestWorkers);
            var registered = await Registrar.RegisterAsync(client, s.IngestAgents, $"ingest-{kind}", 9, 32);
            await FleetWarmup.MakeReadyAsync(client, registered.AgentIds);
            fleets[kind] = (client, registered.AgentIds);
        }

        var rounds = fleets.Keys.ToDictionary(k => k, _ => new List<ClosedLoop.Outcome>());
        for (var round = 1; round <= s.IngestRounds; round++)
        {
            foreach (var (kind, (client, agents)) in fleets)
            {
                BenchContext.Log($"ingest round {round}: driving {kind}");
                var warmup = round == 1 ? s.IngestWarmup : s.IngestRoundWarmup;
                var outcome = await ClosedLoop.RunAsync(client, agents, Payloads.ReadyHeartbeat, s.IngestWorkers, warmup, s.IngestDuration);
                BenchContext.Log($"ingest round {round} {kind}: {outcome.PerSecond:0} heartbeats/s, {outcome.Latency}, {outcome.Failures} failed");
                rounds[kind].Add(outcome);
            }
        }
        foreach (var (client, _) in fleets.Values) client.Dispose();

        var median = rounds.ToDictionary(r => r.Key, r => r.Value.OrderBy(o => o.PerSecond).ElementAt(r.Value.Count / 2));
        var silo = median[Contender.Silo];
        var bare = median[Contender.Bare];
        var naive = median[Contender.Naive];
        var failures = median.Where(m => m.Value.Failures > 0).Select(m => $"{m.Key}: {m.Value.Failures}").ToList();
        var rates = string.Join("; ", rounds.Select(r => $"{r.Key}: {string.Join(", ", r.Value.Select(o => o.PerSecond.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))}"));
        var how = $"{s.IngestWorkers} concurrent requests over {s.IngestAgents:N0} registered agents; {s.IngestRounds} interleaved rounds of "
            + $"{s.IngestDuration.TotalSeconds:0} s (after {s.IngestWarmup.TotalSeconds:0} s warm-up in the first, {s.IngestRoundWarmup.TotalSeconds:0} s in the others), "
            + $"median reported; per round {rates}"
            + (failures.Count > 0 ? $"; failed heartbeats {string.Join(", ", failures)}" : "; no heartbeat failed") + ".";
        return
        [
            new BenchResult("heartbeat ingest", "throughput", silo.PerSecond, "heartbeats/s",
                new Baselines(bare.PerSecond, naive.PerSecond), [Target.AtLeastTimesBare(0.6), Target.AtLeastTimesNaive(10)], how),
            new BenchResult("heartbeat ingest", "latency p50", silo.Latency.P50, "ms", new Baselines(bare.Latency.P50, naive.Latency.P50)),
            new BenchResult("heartbeat ingest", "latency p99", silo.Latency.P99, "ms", new Baselines(bare.Latency.P99, naive.Latency.P99)),
        ];
    }
}

using Cockpit.Bench.Infrastructure;
using Cockpit.Bench.Load;
using Cockpit.Bench.Measurement;
using Cockpit.Bench.Results;

namespace Cockpit.Bench.Scenarios;

/// <summary>
/// Scenario 3: an agent's heartbeat changes its status; how long until the matching <c>agentChanged</c> reaches a
/// <c>graphql-ws</c> subscriber (the reference npm client). Status flips between ready and failed, one at a time.
/// </summary>
public sealed class LiveEventsScenario : IScenario
{
    private const int WarmupChanges = 50;

    public string Name => "live";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context)
    {
        var s = context.Settings;
        await using var targets = await TargetSet.StartAsync(Name, context.WorkspaceRoot);
        var measured = new Dictionary<Contender, (LatencySummary Latency, int Missed)>();
        foreach (var (kind, address) in targets.All)
        {
            using var client = new AgentProtocolClient(address, 4, TimeSpan.FromSeconds(10));
            var agents = (await Registrar.RegisterAsync(client, s.LiveAgents, $"live-{kind}", 9, 8)).AgentIds;
            await FleetWarmup.MakeReadyAsync(client, agents);
            await using var subscriber = await WsSubscriber.StartAsync(address);
            var statuses = agents.ToDictionary(a => a, _ => "ready");

            async Task<double?> FlipAsync(Guid agent)
            {
                var next = statuses[agent] == "ready" ? "failed" : "ready";
                var seen = subscriber.Expect(agent, next);
                var sent = WsSubscriber.EpochMilliseconds();
                await client.HeartbeatAsync(agent, Payloads.Heartbeat(next));
                statuses[agent] = next;
                return await Task.WhenAny(seen, Task.Delay(TimeSpan.FromSeconds(5))) == seen ? await seen - sent : null;
            }

            // The protocol does not acknowledge a subscription: flip until one event arrives, then measure.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await FlipAsync(agents[0]) is null)
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"no agentChanged reached the subscriber of {kind}: {subscriber.Problems()}");
            }

            var latency = new LatencyRecorder();
            var missed = 0;
            for (var i = 0; i < s.LiveChanges + WarmupChanges; i++)
            {
                var took = await FlipAsync(agents[i % agents.Length]);
                if (i < WarmupChanges) continue;
                if (took is { } ms) latency.Record(ms);
                else missed++;
            }
            measured[kind] = (latency.Summarize(), missed);
            BenchContext.Log($"live events {kind}: {measured[kind].Latency}; {missed} missed");
        }

        var silo = measured[Contender.Silo];
        var bare = measured[Contender.Bare];
        var naive = measured[Contender.Naive];
        var how = $"{s.LiveChanges} status changes one at a time over {s.LiveAgents} agents; time from sending the heartbeat to the event at the "
            + $"graphql-ws client; events missed (none within 5 s): silo {silo.Missed}, bare {bare.Missed}, naive {naive.Missed}.";
        return
        [
            new BenchResult("live events", "heartbeat → agentChanged p50", silo.Latency.P50, "ms", new Baselines(bare.Latency.P50, naive.Latency.P50)),
            new BenchResult("live events", "heartbeat → agentChanged p99", silo.Latency.P99, "ms", new Baselines(bare.Latency.P99, naive.Latency.P99),
                [Target.AtMost(25)], how),
        ];
    }
}

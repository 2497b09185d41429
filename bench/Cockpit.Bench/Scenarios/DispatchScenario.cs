using System.Diagnostics;
using Cockpit.Bench.Infrastructure;
using Cockpit.Bench.Load;
using Cockpit.Bench.Measurement;
using Cockpit.Bench.Results;

namespace Cockpit.Bench.Scenarios;

/// <summary>
/// Scenario 2: the GraphQL <c>assignJob</c> mutation over HTTP until the agent's pod receives POST /job/start.
/// One job at a time, each to its own ready agent; the pod is a Kestrel listener in this process, so both ends are
/// timed on one clock.
/// </summary>
public sealed class DispatchScenario : IScenario
{
    // Unmeasured: the first jobs pay for JIT compilation of the whole GraphQL, grain and push path.
    private const int WarmupJobs = 100;

    public string Name => "dispatch";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context)
    {
        var s = context.Settings;
        await using var pods = await FakePods.StartAsync();
        await using var targets = await TargetSet.StartAsync(Name, context.WorkspaceRoot);
        var measured = new Dictionary<Contender, (LatencySummary ToPod, LatencySummary RoundTrip, int Failures)>();
        foreach (var (kind, address) in targets.All)
        {
            using var client = new AgentProtocolClient(address, 8, TimeSpan.FromSeconds(10));
            var count = s.DispatchJobs + WarmupJobs;
            var agents = (await Registrar.RegisterAsync(client, count, $"dispatch-{kind}", pods.Port, 16)).AgentIds;
            await FleetWarmup.MakeReadyAsync(client, agents);
            var jobs = new Guid[count];
            for (var i = 0; i < count; i++) jobs[i] = await client.CreateJobAsync($"bench dispatch {i}");

            var toPod = new LatencyRecorder();
            var roundTrip = new LatencyRecorder();
            var failures = new List<string>();
            for (var i = 0; i < count; i++)
            {
                var started = pods.WhenStartedAsync(jobs[i]);
                var sent = Stopwatch.GetTimestamp();
                var error = await client.AssignJobAsync(jobs[i], agents[i]);
                var answered = Stopwatch.GetTimestamp();
                if (error is not null || await Task.WhenAny(started, Task.Delay(TimeSpan.FromSeconds(5))) != started)
                {
                    failures.Add(error ?? $"job {jobs[i]} never reached the pod");
                    continue;
                }
                if (i < WarmupJobs) continue;
                toPod.Record(Stopwatch.GetElapsedTime(sent, await started).TotalMilliseconds);
                roundTrip.Record(Stopwatch.GetElapsedTime(sent, answered).TotalMilliseconds);
            }
            if (toPod.Count == 0) throw new InvalidOperationException($"no job reached a pod through {kind}: {string.Join("; ", failures.Take(3))}");
            measured[kind] = (toPod.Summarize(), roundTrip.Summarize(), failures.Count);
            BenchContext.Log($"dispatch {kind}: to pod {measured[kind].ToPod}; round trip {measured[kind].RoundTrip}; {failures.Count} failed {string.Join("; ", failures.Take(2))}");
        }

        var silo = measured[Contender.Silo];
        var bare = measured[Contender.Bare];
        var naive = measured[Contender.Naive];
        var how = $"{s.DispatchJobs} jobs one at a time (after {WarmupJobs} unmeasured), each to its own ready agent; "
            + $"{silo.Failures} failed on the silo, {bare.Failures} on bare, {naive.Failures} on naive.";
        return
        [
            new BenchResult("dispatch", "assignJob → /job/start p50", silo.ToPod.P50, "ms", new Baselines(bare.ToPod.P50, naive.ToPod.P50)),
            new BenchResult("dispatch", "assignJob → /job/start p99", silo.ToPod.P99, "ms", new Baselines(bare.ToPod.P99, naive.ToPod.P99),
                [Target.AtMost(10)], how),
            new BenchResult("dispatch", "assignJob round trip p99", silo.RoundTrip.P99, "ms", new Baselines(bare.RoundTrip.P99, naive.RoundTrip.P99)),
        ];
    }
}

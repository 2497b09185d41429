using System.Net;

namespace Cockpit.Bench.Load;

/// <summary>Brings freshly registered agents (booting) to ready with one heartbeat each, many at a time.</summary>
public static class FleetWarmup
{
    public static async Task MakeReadyAsync(AgentProtocolClient client, IReadOnlyList<Guid> agents, int concurrency = 32)
    {
        var next = -1;
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, agents.Count)).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= agents.Count) return;
                if (await client.HeartbeatAsync(agents[i], Payloads.ReadyHeartbeat) != HttpStatusCode.OK) Interlocked.Increment(ref failures);
            }
        })));
        if (failures > 0) throw new InvalidOperationException($"{failures} of {agents.Count} agents did not become ready at {client.BaseAddress}");
    }
}

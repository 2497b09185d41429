using System.Diagnostics;

namespace Cockpit.Bench.Load;

/// <summary>Registers a fleet through the real endpoint, many registrations in flight at once.</summary>
public static class Registrar
{
    public sealed record Outcome(Guid[] AgentIds, double Seconds)
    {
        public double PerSecond => AgentIds.Length / Seconds;
    }

    public static async Task<Outcome> RegisterAsync(AgentProtocolClient client, int count, string hostnamePrefix, int podPort,
        int concurrency, Action<int>? progress = null)
    {
        var ids = new Guid[count];
        var next = -1;
        var done = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Math.Min(concurrency, count)).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= count) return;
                ids[i] = await RegisterWithRetryAsync(client, $"{hostnamePrefix}-{i}", podPort);
                var finished = Interlocked.Increment(ref done);
                if (finished % 10_000 == 0) progress?.Invoke(finished);
            }
        })).ToList();
        await Task.WhenAll(workers);
        return new Outcome(ids, clock.Elapsed.TotalSeconds);
    }

    // A registration that fails on a busy machine is tried again a few times: the fleet must be complete.
    private static async Task<Guid> RegisterWithRetryAsync(AgentProtocolClient client, string hostname, int podPort)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.RegisterAsync(hostname, podPort);
            }
            catch (Exception e) when (attempt < 5 && e is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(200 * attempt);
            }
        }
    }
}

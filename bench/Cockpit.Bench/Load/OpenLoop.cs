using System.Diagnostics;
using System.Net;
using Cockpit.Bench.Measurement;

namespace Cockpit.Bench.Load;

/// <summary>
/// Agents at their own pace: heartbeat k is due at start + k / rate and goes to agent k mod N, so each agent beats
/// once per N / rate seconds, spread evenly. Latency is measured from when a heartbeat was due, not from when it
/// could be sent, so a server that falls behind shows it (no coordinated omission).
/// </summary>
public sealed class OpenLoop(AgentProtocolClient client, IReadOnlyList<Guid> agents, double ratePerSecond, byte[] body, int maxInFlight) : IDisposable
{
    private readonly SemaphoreSlim _inFlight = new(maxInFlight, maxInFlight);
    private long _measureFrom = long.MaxValue;
    private long _offered;

    public LatencyRecorder Measured { get; } = new();

    /// <summary>Agents that have gone silent: their heartbeats are no longer sent.</summary>
    public Func<int, bool> IsSilent { get; set; } = _ => false;

    /// <summary>Called after each successful heartbeat with the agent's index and the Stopwatch timestamp of the answer.</summary>
    public Action<int, long>? Succeeded { get; set; }

    /// <summary>Heartbeats due from now on are measured.</summary>
    public void StartMeasuring() => Interlocked.Exchange(ref _measureFrom, Stopwatch.GetTimestamp());

    /// <summary>Heartbeats that were due inside the measured window.</summary>
    public long Offered => Interlocked.Read(ref _offered);

    public async Task RunAsync(CancellationToken stop)
    {
        var start = Stopwatch.GetTimestamp();
        var ticksPerBeat = Stopwatch.Frequency / ratePerSecond;
        var pending = new List<Task>();
        long k = 0;
        while (!stop.IsCancellationRequested)
        {
            var due = (long)((Stopwatch.GetTimestamp() - start) / ticksPerBeat);
            for (; k < due && !stop.IsCancellationRequested; k++)
            {
                var index = (int)(k % agents.Count);
                if (IsSilent(index)) continue;
                var intended = start + (long)(k * ticksPerBeat);
                await _inFlight.WaitAsync(CancellationToken.None);
                pending.Add(FireAsync(index, intended));
            }
            if (pending.Count > 10_000) pending.RemoveAll(t => t.IsCompleted);
            try
            {
                await Task.Delay(2, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await Task.WhenAll(pending);
    }

    private async Task FireAsync(int index, long intended)
    {
        try
        {
            var measured = intended >= Interlocked.Read(ref _measureFrom);
            if (measured) Interlocked.Increment(ref _offered);
            var status = await client.HeartbeatAsync(agents[index], body);
            var finished = Stopwatch.GetTimestamp();
            if (status == HttpStatusCode.OK) Succeeded?.Invoke(index, finished);
            if (!measured) return;
            if (status == HttpStatusCode.OK) Measured.Record(Stopwatch.GetElapsedTime(intended, finished).TotalMilliseconds);
            else Measured.RecordFailure();
        }
        finally
        {
            _inFlight.Release();
        }
    }

    public void Dispose() => _inFlight.Dispose();
}

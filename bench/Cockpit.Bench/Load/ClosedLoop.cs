using System.Diagnostics;
using System.Net;
using Cockpit.Bench.Measurement;

namespace Cockpit.Bench.Load;

/// <summary>
/// "As fast as the server takes them": a fixed number of workers each send a heartbeat, wait for the answer, and
/// send the next, round-robin over the fleet. Throughput counts answers completed inside the measured window.
/// </summary>
public static class ClosedLoop
{
    public sealed record Outcome(double PerSecond, LatencySummary Latency, long Failures);

    public static async Task<Outcome> RunAsync(AgentProtocolClient client, IReadOnlyList<Guid> agents, byte[] body, int workers,
        TimeSpan warmup, TimeSpan duration)
    {
        var recorder = new LatencyRecorder();
        var next = -1L;
        var measureFrom = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var tasks = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var start = Stopwatch.GetTimestamp();
                if (start >= end) return;
                var agent = agents[(int)(Interlocked.Increment(ref next) % agents.Count)];
                var status = await client.HeartbeatAsync(agent, body);
                var finished = Stopwatch.GetTimestamp();
                if (start < measureFrom || finished > end) continue;
                if (status == HttpStatusCode.OK) recorder.Record(Stopwatch.GetElapsedTime(start, finished).TotalMilliseconds);
                else recorder.RecordFailure();
            }
        })).ToList();
        await Task.WhenAll(tasks);
        return new Outcome(recorder.Count / duration.TotalSeconds, recorder.Summarize(), recorder.Failures);
    }
}

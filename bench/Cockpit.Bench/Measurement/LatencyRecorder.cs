using System.Diagnostics;

namespace Cockpit.Bench.Measurement;

/// <summary>
/// Collects latencies from many concurrent callers. Every sample is kept (a few million doubles at most), so the
/// percentiles are exact rather than bucketed.
/// </summary>
public sealed class LatencyRecorder
{
    private readonly Lock _gate = new();
    private readonly List<double> _samples = [];
    private long _failures;

    public int Count
    {
        get
        {
            lock (_gate) return _samples.Count;
        }
    }

    public long Failures => Interlocked.Read(ref _failures);

    public void Record(double milliseconds)
    {
        lock (_gate) _samples.Add(milliseconds);
    }

    /// <summary>Records the time since <paramref name="startTimestamp"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void RecordSince(long startTimestamp) => Record(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);

    public void RecordFailure() => Interlocked.Increment(ref _failures);

    public LatencySummary Summarize()
    {
        lock (_gate) return LatencySummary.Of(_samples);
    }
}

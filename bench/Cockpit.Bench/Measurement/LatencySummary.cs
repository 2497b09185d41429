namespace Cockpit.Bench.Measurement;

/// <summary>The usual digest of a latency distribution, in milliseconds.</summary>
public sealed record LatencySummary(int Count, double Mean, double P50, double P90, double P99, double P999, double Max)
{
    public static LatencySummary Of(IEnumerable<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        var sorted = milliseconds.ToArray();
        if (sorted.Length == 0) throw new ArgumentException("no samples", nameof(milliseconds));
        Array.Sort(sorted);
        return new LatencySummary(
            sorted.Length,
            sorted.Average(),
            Percentiles.NearestRank(sorted, 50),
            Percentiles.NearestRank(sorted, 90),
            Percentiles.NearestRank(sorted, 99),
            Percentiles.NearestRank(sorted, 99.9),
            sorted[^1]);
    }

    public override string ToString() =>
        FormattableString.Invariant($"n={Count} p50={P50:0.00} p90={P90:0.00} p99={P99:0.00} p99.9={P999:0.00} max={Max:0.00} ms");
}

namespace Cockpit.Bench.Measurement;

/// <summary>Nearest-rank percentiles: the reported value is always one that was measured, never an interpolation.</summary>
public static class Percentiles
{
    /// <param name="sorted">Samples in ascending order.</param>
    /// <param name="percentile">Greater than 0 and at most 100.</param>
    public static double NearestRank(IReadOnlyList<double> sorted, double percentile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0) throw new ArgumentException("no samples", nameof(sorted));
        if (!(percentile is > 0 and <= 100)) throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "must be in (0, 100]");
        // The smallest value with at least percentile % of the samples at or below it.
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}

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
        // A hair below the exact product, so that binary fractions (99.9 % of 1,000 = 999.0000000000001) do not
        // round up to the next rank.
        var exact = percentile * sorted.Count / 100;
        var rank = (int)Math.Ceiling(exact - (1e-9 * exact));
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}

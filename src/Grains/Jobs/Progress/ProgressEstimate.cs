namespace Cockpit.Grains.Jobs.Progress;

/// <summary>How far a job is and when it may finish, estimated from its recent progress samples.</summary>
/// <param name="Processed">Requirements processed in the latest sample; null before the first report.</param>
/// <param name="Total">Requirements in the job per the latest sample; null while the agent does not know.</param>
/// <param name="Percent">0–100, one decimal; 0 while the total is unknown.</param>
/// <param name="RatePerMinute">Requirements per minute over the recent window; null without two samples in it.</param>
/// <param name="EtaSeconds">Seconds until done at that rate; null when there is no rate or no total.</param>
public sealed record ProgressEstimate(int? Processed, int? Total, double Percent, double? RatePerMinute, long? EtaSeconds)
{
    /// <summary>How far back samples count for the rate: long enough to smooth bursts, short enough to follow a change of pace.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(10);

    /// <summary>An ETA beyond this is no estimate (a crawl or a stall); it is reported as unknown.</summary>
    public static readonly TimeSpan MaxEta = TimeSpan.FromDays(365);

    public static readonly ProgressEstimate None = new(null, null, 0, null, null);

    /// <summary>
    /// Estimates from <paramref name="samples"/> (oldest first, processed never decreasing, as
    /// <see cref="ProgressHistory"/> keeps them). The rate runs from the oldest sample inside
    /// <paramref name="window"/> (at least the last two samples) up to <paramref name="now"/>, not just to the last
    /// sample: while no new progress arrives the rate falls and the ETA grows, so a stalled job looks stalled.
    /// </summary>
    public static ProgressEstimate Compute(IReadOnlyList<ProgressSample> samples, DateTimeOffset now, TimeSpan? window = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0) return None;

        var latest = samples[^1];
        var processed = Math.Max(latest.Processed, 0);
        var total = latest.Total is { } t ? Math.Max(t, 0) : (int?)null;
        var rate = RatePerMinuteOf(samples, now, window ?? DefaultWindow);
        return new ProgressEstimate(processed, total, PercentOf(processed, total), rate, EtaOf(processed, total, rate));
    }

    /// <summary>0–100 with one decimal; all of nothing (a total of 0) is done; an unknown total is 0.</summary>
    public static double PercentOf(int processed, int? total) => total switch
    {
        null => 0,
        0 => 100,
        { } t => Math.Clamp(Math.Round(100.0 * processed / t, 1), 0, 100),
    };

    private static double? RatePerMinuteOf(IReadOnlyList<ProgressSample> samples, DateTimeOffset now, TimeSpan window)
    {
        if (samples.Count < 2) return null;
        var latest = samples[^1];
        var end = now > latest.At ? now : latest.At;
        var from = samples.Count - 2;
        while (from > 0 && samples[from - 1].At >= end - window) from--;

        var first = samples[from];
        var elapsed = end - first.At;
        if (elapsed <= TimeSpan.Zero) return null;
        var done = Math.Max(latest.Processed - first.Processed, 0);
        return done / elapsed.TotalMinutes;
    }

    private static long? EtaOf(int processed, int? total, double? ratePerMinute)
    {
        if (total is not { } t) return null;
        var remaining = t - processed;
        if (remaining <= 0) return 0;
        if (ratePerMinute is not > 0) return null;
        var seconds = Math.Ceiling(remaining * 60.0 / ratePerMinute.Value);
        return double.IsFinite(seconds) && seconds <= MaxEta.TotalSeconds ? (long)seconds : null;
    }
}

namespace Cockpit.Storage.Statistics;

/// <summary>When a processing job counts as stuck: no progress for a threshold of minutes.</summary>
public static class StuckJobRule
{
    /// <summary>Minutes without progress after which a job is stuck, unless STUCK_JOB_THRESHOLD_MINUTES says otherwise (the seed's 60).</summary>
    public const int DefaultThresholdMinutes = 60;

    public const int MinThresholdMinutes = 1;

    /// <summary>30 days: a longer threshold would never flag anything a person could still act on.</summary>
    public const int MaxThresholdMinutes = 43_200;

    /// <summary>Jobs whose last progress is at or before this instant are stuck.</summary>
    public static DateTimeOffset Cutoff(DateTimeOffset now, int thresholdMinutes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(thresholdMinutes, MinThresholdMinutes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(thresholdMinutes, MaxThresholdMinutes);
        return now.AddMinutes(-thresholdMinutes);
    }

    /// <summary>Whole minutes from <paramref name="since"/> to <paramref name="now"/>, never negative (clocks may disagree).</summary>
    public static long MinutesSince(DateTimeOffset now, DateTimeOffset since) =>
        Math.Max(0, (long)Math.Floor((now - since).TotalMinutes));
}

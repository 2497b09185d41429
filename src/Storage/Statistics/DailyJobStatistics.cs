namespace Cockpit.Storage.Statistics;

/// <summary>Daily job counts over a window, every day present (zeros included), oldest first, with totals.</summary>
/// <param name="FailureRate">failed / (completed + failed) over the window; null when nothing finished.</param>
public sealed record DailyJobStatistics(
    StatisticsWindow Window,
    IReadOnlyList<DailyJobCounts> Days,
    long Created,
    long Completed,
    long Failed,
    long Cancelled,
    double? FailureRate);

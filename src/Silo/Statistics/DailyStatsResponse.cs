using Cockpit.Storage.Statistics;

namespace Cockpit.Silo.Statistics;

/// <summary><c>GET /api/stats/daily</c>: one entry per UTC day, oldest first, zeros included, and the window's totals.</summary>
/// <param name="FailureRate">failed / (completed + failed) over the window, 0–1; null when nothing finished.</param>
public sealed record DailyStatsResponse(
    int Days,
    DateOnly FirstDay,
    DateOnly LastDay,
    IReadOnlyList<DailyJobCounts> Daily,
    DailyTotalsResponse Totals,
    double? FailureRate)
{
    public static DailyStatsResponse From(DailyJobStatistics stats) => new(
        stats.Window.Days,
        stats.Window.FirstDay,
        stats.Window.LastDay,
        stats.Days,
        new DailyTotalsResponse(stats.Created, stats.Completed, stats.Failed, stats.Cancelled),
        stats.FailureRate);
}

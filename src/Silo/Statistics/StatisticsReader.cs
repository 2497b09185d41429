using Cockpit.Storage.Statistics;

namespace Cockpit.Silo.Statistics;

/// <summary>
/// The dashboard's statistics in the shapes of <c>/api/stats/*</c>, for every front door that shows them (REST and
/// MCP's <c>get_stats</c>). Arguments are validated by the caller against the ranges named here.
/// </summary>
public sealed class StatisticsReader(StatisticsQueries queries, StatisticsOptions settings, TimeProvider clock)
{
    /// <summary>The stuck threshold used when a request does not name one (STUCK_JOB_THRESHOLD_MINUTES).</summary>
    public int DefaultStuckThresholdMinutes => settings.StuckThresholdMinutes;

    /// <param name="days">Window length, <see cref="StatisticsWindow.MinDays"/> to <see cref="StatisticsWindow.MaxDays"/>.</param>
    public async Task<DailyStatsResponse> DailyAsync(int days, CancellationToken cancellationToken = default) =>
        DailyStatsResponse.From(await queries.DailyAsync(days, clock.GetUtcNow(), cancellationToken));

    public async Task<AgentStatsResponse> AgentsAsync(CancellationToken cancellationToken = default) =>
        AgentStatsResponse.From(await queries.WorkforceAsync(cancellationToken));

    public Task<QueueMetrics> QueueAsync(CancellationToken cancellationToken = default) => queries.QueueAsync(cancellationToken);

    /// <param name="thresholdMinutes"><see cref="StuckJobRule.MinThresholdMinutes"/> to <see cref="StuckJobRule.MaxThresholdMinutes"/>.</param>
    public async Task<StuckJobsResponse> StuckAsync(int thresholdMinutes, CancellationToken cancellationToken = default)
    {
        var jobs = await queries.StuckJobsAsync(thresholdMinutes, clock.GetUtcNow(), cancellationToken);
        return new StuckJobsResponse(thresholdMinutes, jobs.Count, jobs);
    }
}

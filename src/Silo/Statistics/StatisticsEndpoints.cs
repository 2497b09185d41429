using Cockpit.Http;
using Cockpit.Storage.Statistics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cockpit.Silo.Statistics;

/// <summary>
/// The statistics the seed's dashboard showed: daily job counts, queue metrics, agent workforce and stuck jobs.
/// All read the read model, which follows the grains within moments.
/// </summary>
public static class StatisticsEndpoints
{
    public static IEndpointRouteBuilder MapStatisticsEndpoints(this IEndpointRouteBuilder app)
    {
        var stats = app.MapGroup("/api/stats").WithTags("Statistics");
        stats.MapGet("/daily", DailyAsync).WithName("DailyStatistics");
        stats.MapGet("/agents", AgentsAsync).WithName("AgentStatistics");
        stats.MapGet("/queue", QueueAsync).WithName("QueueStatistics");
        stats.MapGet("/stuck", StuckAsync).WithName("StuckJobs");
        return app;
    }

    /// <summary><c>GET /api/stats/daily?days=7</c> (1–90).</summary>
    public static async Task<Results<Ok<DailyStatsResponse>, ProblemHttpResult>> DailyAsync(
        HttpRequest request, StatisticsReader statistics, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var days = QueryNumbers.Read(request, "days", StatisticsWindow.DefaultDays, StatisticsWindow.MinDays, StatisticsWindow.MaxDays, errors);
        if (errors.Count > 0) return Problems.Invalid(errors);
        return TypedResults.Ok(await statistics.DailyAsync(days, cancellationToken));
    }

    public static async Task<Ok<AgentStatsResponse>> AgentsAsync(StatisticsReader statistics, CancellationToken cancellationToken) =>
        TypedResults.Ok(await statistics.AgentsAsync(cancellationToken));

    public static async Task<Ok<QueueMetrics>> QueueAsync(StatisticsReader statistics, CancellationToken cancellationToken) =>
        TypedResults.Ok(await statistics.QueueAsync(cancellationToken));

    /// <summary><c>GET /api/stats/stuck?threshold_minutes=60</c> (1–43200; default STUCK_JOB_THRESHOLD_MINUTES).</summary>
    public static async Task<Results<Ok<StuckJobsResponse>, ProblemHttpResult>> StuckAsync(
        HttpRequest request, StatisticsReader statistics, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var threshold = QueryNumbers.Read(request, "threshold_minutes", statistics.DefaultStuckThresholdMinutes,
            StuckJobRule.MinThresholdMinutes, StuckJobRule.MaxThresholdMinutes, errors);
        if (errors.Count > 0) return Problems.Invalid(errors);
        return TypedResults.Ok(await statistics.StuckAsync(threshold, cancellationToken));
    }
}

using Cockpit.Grains.Jobs;
using Cockpit.Http;
using Cockpit.Storage.Statistics;
using Cockpit.Storage.Usage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cockpit.Silo.Usage;

/// <summary><c>GET /api/jobs/{id}/usage</c> and <c>GET /api/stats/usage</c>: LLM tokens and cost from the roll-ups.</summary>
public static class UsageEndpoints
{
    public static IEndpointRouteBuilder MapUsageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/jobs/{id}/usage", JobAsync).WithTags("Usage").WithName("JobUsage");
        app.MapGet("/api/stats/usage", StatisticsAsync).WithTags("Usage").WithName("UsageStatistics");
        return app;
    }

    public static async Task<Results<Ok<JobUsage>, ProblemHttpResult>> JobAsync(
        string id, IGrainFactory grains, UsageQueries usage, CancellationToken cancellationToken)
    {
        if (!RouteIds.TryParse(id, "id", out var jobId, out var badId)) return badId;
        if (await grains.GetGrain<IJobGrain>(jobId).GetAsync() is not { } job) return Problems.NotFound($"job {jobId} not found");
        return TypedResults.Ok((await usage.JobAsync(jobId, cancellationToken)).WithBudget(job.Budget));
    }

    /// <summary><c>?days=7</c> (1–90) <c>&amp;group_by=config|model|agent</c> (default config).</summary>
    public static async Task<Results<Ok<UsageStatistics>, ProblemHttpResult>> StatisticsAsync(
        HttpRequest request, UsageQueries usage, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var days = QueryNumbers.Read(request, "days", StatisticsWindow.DefaultDays, StatisticsWindow.MinDays, StatisticsWindow.MaxDays, errors);
        var groupByValues = request.Query["group_by"];
        var groupBy = UsageGroupBy.Config;
        if (groupByValues.Count > 1 || !UsageGroupByNames.TryParse(groupByValues.Count == 1 ? groupByValues[0] : null, out groupBy))
            errors["group_by"] = [$"must be one of {string.Join(", ", UsageGroupByNames.All)}"];
        if (errors.Count > 0) return Problems.Invalid(errors);
        return TypedResults.Ok(await usage.StatisticsAsync(days, groupBy, cancellationToken));
    }
}

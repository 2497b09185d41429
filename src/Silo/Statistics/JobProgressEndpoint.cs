using Cockpit.Grains.Jobs;
using Cockpit.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cockpit.Silo.Statistics;

/// <summary>
/// <c>GET /api/jobs/{id}/progress</c>: progress and ETA from the job grain's recent progress samples, with the
/// requirement counts of the requirement store when one is registered (else an empty object).
/// </summary>
public static class JobProgressEndpoint
{
    public static IEndpointRouteBuilder MapJobProgressEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/jobs/{id}/progress", GetAsync).WithTags("Jobs").WithName("GetJobProgress");
        return app;
    }

    public static async Task<Results<Ok<JobProgressSummaryResponse>, ProblemHttpResult>> GetAsync(
        string id, IGrainFactory grains, JobProgressReader progress, CancellationToken cancellationToken)
    {
        if (!RouteIds.TryParse(id, "id", out var jobId, out var badId)) return badId;
        var job = await grains.GetGrain<IJobGrain>(jobId).GetAsync();
        if (job is null) return Problems.NotFound($"job {jobId} not found");
        return TypedResults.Ok(await progress.ForAsync(job, cancellationToken));
    }
}

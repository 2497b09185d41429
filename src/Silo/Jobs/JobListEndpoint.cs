using Cockpit.Commands.Jobs;
using Cockpit.Http;
using Cockpit.Storage.ReadModel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cockpit.Silo.Jobs;

/// <summary>
/// <c>GET /api/jobs?status=a,b&amp;status=c&amp;limit=50&amp;offset=0</c>: newest first, from the read model.
/// Answers <c>{ jobs, total, limit, offset }</c> so a client can page without a second call.
/// </summary>
public static class JobListEndpoint
{
    public static async Task<Results<Ok<JobListResponse>, ProblemHttpResult>> ListAsync(
        HttpRequest request, JobReadModel jobs, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var statuses = JobStatusFilter.Parse(request.Query["status"], "status", errors);
        var limit = QueryNumbers.Read(request, "limit", JobReadModel.DefaultLimit, 1, JobReadModel.MaxLimit, errors);
        var offset = QueryNumbers.Read(request, "offset", 0, 0, int.MaxValue, errors);
        if (errors.Count > 0) return Problems.Invalid(errors);

        var page = await jobs.ListAsync(statuses, limit, offset, cancellationToken);
        return TypedResults.Ok(new JobListResponse(page.Items.Select(JobView.From).Select(JobResponse.From).ToArray(), page.TotalCount, limit, offset));
    }
}

using Cockpit.Grains.Jobs;
using Cockpit.Http;
using Cockpit.Storage.Workspace;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cockpit.Silo.Workspace;

/// <summary>
/// A job's workspace files over REST (the seed's <c>GET /api/jobs/{id}/workspace</c> and <c>/todos</c>, plus file
/// contents and a zip download). The job must exist; a job whose directory is not there yet has an empty workspace.
/// </summary>
public static class WorkspaceEndpoints
{
    public static IEndpointRouteBuilder MapWorkspaceEndpoints(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/jobs").WithTags("Workspace");
        jobs.MapGet("/{id}/workspace", SummaryAsync).WithName("GetJobWorkspace");
        jobs.MapGet("/{id}/todos", TodosAsync).WithName("GetJobTodos");
        jobs.MapGet("/{id}/workspace/files", FilesAsync).WithName("GetJobWorkspaceFiles");
        jobs.MapGet("/{id}/workspace.zip", ZipAsync).WithName("DownloadJobWorkspace");
        return app;
    }

    public static async Task<Results<Ok<WorkspaceSummary>, ProblemHttpResult>> SummaryAsync(
        string id, IGrainFactory grains, WorkspaceReader workspace, CancellationToken cancellationToken)
    {
        var (jobId, problem) = await FindJobAsync(id, grains);
        if (problem is not null) return problem;
        return TypedResults.Ok(await workspace.GetSummaryAsync(jobId, cancellationToken));
    }

    public static async Task<Results<Ok<TodoList>, ProblemHttpResult>> TodosAsync(
        string id, IGrainFactory grains, WorkspaceReader workspace, CancellationToken cancellationToken)
    {
        var (jobId, problem) = await FindJobAsync(id, grains);
        if (problem is not null) return problem;
        return TypedResults.Ok(await workspace.GetTodosAsync(jobId, cancellationToken));
    }

    /// <summary>With <c>path</c>: that file's content (capped; binary files without content). Without: the file list.</summary>
    public static async Task<Results<Ok<WorkspaceFileContent>, Ok<WorkspaceFileListing>, ProblemHttpResult>> FilesAsync(
        string id, HttpRequest request, IGrainFactory grains, WorkspaceReader workspace, CancellationToken cancellationToken)
    {
        var (jobId, problem) = await FindJobAsync(id, grains);
        if (problem is not null) return problem;
        // Read by hand: binding would give "path=" and a missing path the same meaning, and several values no meaning.
        var values = request.Query["path"];
        if (values.Count == 0) return TypedResults.Ok(workspace.ListFiles(jobId));
        if (values.Count > 1) return Problems.Invalid("path", "must be given once");
        try
        {
            var content = await workspace.ReadFileAsync(jobId, values[0], cancellationToken);
            return content is null
                ? Problems.NotFound($"no file '{values[0]}' in the workspace of job {jobId}")
                : TypedResults.Ok(content);
        }
        catch (InvalidWorkspacePathException e)
        {
            return Problems.Invalid("path", e.Reason);
        }
    }

    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ZipAsync(
        string id, IGrainFactory grains, WorkspaceReader workspace, CancellationToken cancellationToken)
    {
        var (jobId, problem) = await FindJobAsync(id, grains);
        if (problem is not null) return problem;
        return TypedResults.Stream(
            stream => workspace.WriteZipAsync(jobId, stream, cancellationToken),
            contentType: "application/zip",
            fileDownloadName: $"job_{jobId}.zip");
    }

    private static async Task<(Guid JobId, ProblemHttpResult? Problem)> FindJobAsync(string id, IGrainFactory grains)
    {
        if (!RouteIds.TryParse(id, "id", out var jobId, out var badId)) return (jobId, badId);
        var job = await grains.GetGrain<IJobGrain>(jobId).GetAsync();
        return job is null ? (jobId, Problems.NotFound($"job {jobId} not found")) : (jobId, null);
    }
}

using Cockpit.Commands.Jobs;
using Cockpit.Grains.Jobs;
using Cockpit.Http;
using Cockpit.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cockpit.Silo.Jobs;

/// <summary>
/// The seed's job management endpoints. Commands go through the command layer's <see cref="IJobCommands"/> (GraphQL's
/// mutations use the same one); single jobs come from their grain, lists from the read model.
/// </summary>
public static class JobEndpoints
{
    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/jobs").WithTags("Jobs");
        jobs.MapPost("/", CreateAsync).WithName("CreateJob");
        jobs.MapGet("/", JobListEndpoint.ListAsync).WithName("ListJobs");
        jobs.MapGet("/{id}", GetAsync).WithName("GetJob");
        jobs.MapPost("/{id}/assign/{agentId}", AssignAsync).WithName("AssignJob");
        jobs.MapPut("/{id}/cancel", CancelAsync).WithName("CancelJob");
        jobs.MapPost("/{id}/enqueue", EnqueueAsync).WithName("EnqueueJob");
        jobs.MapPut("/{id}/priority", SetPriorityAsync).WithName("SetJobPriority");
        jobs.MapPost("/{id}/resume", ResumeAsync).WithName("ResumeJob");
        jobs.MapPut("/{id}/budget", SetBudgetAsync).WithName("SetJobBudget");
        jobs.MapDelete("/{id}", DeleteAsync).WithName("DeleteJob").RequireAuthorization(CockpitPolicies.Admin);
        return app;
    }

    public static async Task<Results<Created<JobResponse>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, [FromServices] IJobCommands commands)
    {
        var body = await JsonBody.ReadAsync<CreateJobRequest>(request);
        if (body.Problem is not null) return body.Problem;

        var created = await commands.CreateAsync(body.Value!.ToNewJob());
        if (!created.IsOk) return JobCommandResults.ToProblem(created);
        var job = created.Result!.Value!;
        return TypedResults.Created($"/api/jobs/{job.Id}", JobResponse.From(JobView.From(job)));
    }

    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains,
        [FromServices] IDispatchCommands dispatch)
    {
        if (!RouteIds.TryParse(id, "id", out var jobId, out var badId)) return badId;
        var job = await grains.GetGrain<IJobGrain>(jobId).GetAsync();
        if (job is null) return Problems.NotFound($"job {jobId} not found");
        var view = JobView.From(job);
        return TypedResults.Ok(JobResponse.From(view) with { WaitingReason = await view.WaitingReasonAsync(dispatch) });
    }

    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> EnqueueAsync(string id, [FromServices] IJobCommands commands)
    {
        if (!RouteIds.TryParse(id, "id", out var jobId, out var badId)) return badId;
        return JobCommandResults.ToHttp(await commands.EnqueueAsync(jobId));
    }

    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> SetPriorityAsync(
        string id, HttpRequest request, [FromServices] IJobCommands commands)
    {
        if (!RouteIds.TryParse(id, "id", out var jobId, out var badId)) return badId;
        var body = await JsonBody.ReadAsync<SetPriorityRequest>(request);
        if (body.Problem is not null) return body.Problem;
        return JobCommandResults.ToHttp(await commands.SetPriorityAsync(jobId, body.Value!.Priority));
    }

    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> AssignAsync(
        string id, string agentId, [FromServices] IJobCommands commands)
    {
        if (!RouteIds.TryParse(id, "id", out var jobId, out var badId)) return badId;
        if (!RouteIds.TryParse(agentId, "agent_id", out var agent, out var badAgent)) return badAgent;
        return JobCommandResults.ToHttp(await commands.AssignAsync(jobId, agent));
    }

    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> CancelAsync(string id, [FromServices] IJobCommands commands)
    {
        if (!RouteIds.TryParse(id, "id", out var jobId, out var badId)) return badId;
        return JobCommandResults.ToHttp(await commands.CancelAsync(jobId));
    }

    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> ResumeAsync(
        string id, HttpRequest request, [FromServices] IJobCommands commands)
    {
        if (!RouteIds.TryParse(id, "id", out var jobId, out var badId)) return badId;
        var body = await JsonBody.ReadAsync<ResumeJobRequest>(request, allowEmpty: true);
        if (body.Problem is not null) return body.Problem;
        return JobCommandResults.ToHttp(await commands.ResumeAsync(jobId, body.Value?.AgentId));
    }

    /// <summary>
    /// Replaces the job's LLM budget (operator): <c>{"max_cost_usd": number?, "max_tokens": integer?}</c>, at least one.
    /// A job stopped by its budget is then resumed with <c>POST /api/jobs/{id}/resume</c>.
    /// </summary>
    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> SetBudgetAsync(
        string id, HttpRequest request, [FromServices] IJobCommands commands)
    {
        if (!RouteIds.TryParse(id, "id", out var jobId, out var badId)) return badId;
        var body = await JsonBody.ReadAsync<BudgetInput>(request);
        if (body.Problem is not null) return body.Problem;
        return JobCommandResults.ToHttp(await commands.SetBudgetAsync(jobId, body.Value));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, [FromServices] IJobCommands commands)
    {
        if (!RouteIds.TryParse(id, "id", out var jobId, out var badId)) return badId;
        var deleted = await commands.DeleteAsync(jobId);
        return deleted.IsOk ? TypedResults.NoContent() : JobCommandResults.ToProblem(deleted);
    }
}

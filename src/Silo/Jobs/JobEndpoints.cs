using Cockpit.AgentBridge.Http;
using Cockpit.Grains.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cockpit.Silo.Jobs;

/// <summary>The seed's job management endpoints. Commands go to the job's grain; lists come from the read model.</summary>
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
        jobs.MapPost("/{id}/resume", ResumeAsync).WithName("ResumeJob");
        jobs.MapDelete("/{id}", DeleteAsync).WithName("DeleteJob");
        return app;
    }

    public static async Task<Results<Created<JobResponse>, ProblemHttpResult>> CreateAsync(HttpRequest request, IGrainFactory grains)
    {
        var body = await JsonBody.ReadAsync<CreateJobRequest>(request);
        if (body.Problem is not null) return body.Problem;

        var errors = new Dictionary<string, string[]>();
        var spec = CreateJobValidator.Validate(Guid.NewGuid(), body.Value!, errors);
        if (spec is null) return Problems.Invalid(errors);

        var created = await grains.GetGrain<IJobGrain>(spec.JobId).CreateAsync(spec);
        if (!created.IsOk) return Problems.FromCommand(created.Status, created.Error);
        return TypedResults.Created($"/api/jobs/{spec.JobId}", JobResponse.From(created.Value!));
    }

    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains)
    {
        if (!RouteIds.TryParse(id, "id", out var jobId, out var badId)) return badId;
        var job = await grains.GetGrain<IJobGrain>(jobId).GetAsync();
        return job is null ? Problems.NotFound($"job {jobId} not found") : TypedResults.Ok(JobResponse.From(job));
    }

    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> AssignAsync(string id, string agentId, IGrainFactory grains)
    {
        if (!RouteIds.TryParse(id, "id", out var jobId, out var badId)) return badId;
        if (!RouteIds.TryParse(agentId, "agent_id", out var agent, out var badAgent)) return badAgent;
        return JobCommandResults.ToHttp(await grains.GetGrain<IJobGrain>(jobId).AssignAsync(agent));
    }

    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> CancelAsync(string id, IGrainFactory grains)
    {
        if (!RouteIds.TryParse(id, "id", out var jobId, out var badId)) return badId;
        return JobCommandResults.ToHttp(await grains.GetGrain<IJobGrain>(jobId).CancelAsync());
    }

    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> ResumeAsync(string id, HttpRequest request, IGrainFactory grains)
    {
        if (!RouteIds.TryParse(id, "id", out var jobId, out var badId)) return badId;
        var body = await JsonBody.ReadAsync<ResumeJobRequest>(request, allowEmpty: true);
        if (body.Problem is not null) return body.Problem;
        return JobCommandResults.ToHttp(await grains.GetGrain<IJobGrain>(jobId).ResumeAsync(body.Value?.AgentId));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, IGrainFactory grains)
    {
        if (!RouteIds.TryParse(id, "id", out var jobId, out var badId)) return badId;
        var deleted = await grains.GetGrain<IJobGrain>(jobId).DeleteAsync();
        return deleted.IsOk ? TypedResults.NoContent() : Problems.FromCommand(deleted.Status, deleted.Error);
    }
}

using Cockpit.Protocol;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cockpit.Agent.Jobs;

/// <summary>POST /job/start, /job/cancel and /job/resume: the commands the orchestrator pushes (signed: <see cref="PushAuthorization"/>).</summary>
public static class JobEndpoints
{
    public const string Accepted = "accepted";
    public const string Busy = "busy";
    public const string Cancelling = "cancelling";
    public const string NotRunning = "not_running";
    public const string NotFound = "not_found";

    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Signed pushes: with an agent token only the orchestrator's pushes run (PushAuthorization); /status and
        // /health stay open, they change nothing.
        var pushes = endpoints.MapGroup("").AddEndpointFilter<PushAuthorization>();
        pushes.MapPost(ProtocolPaths.JobStart, StartAsync);
        pushes.MapPost(ProtocolPaths.JobCancel, CancelAsync);
        pushes.MapPost(ProtocolPaths.JobResume, ResumeAsync);
        return endpoints;
    }

    public static async Task<Results<Ok<JobCommandResponse>, Conflict<JobCommandResponse>, ValidationProblem>> StartAsync(
        HttpRequest request, JobSupervisor supervisor, AgentState state)
    {
        var parsed = JobRequestParser.ParseStart(await ReadBodyAsync(request));
        if (!parsed.IsValid) return Invalid(parsed.Errors, "job start");
        var job = parsed.Value!;
        return supervisor.Start(job) switch
        {
            JobAdmission.Admitted => TypedResults.Ok(new JobCommandResponse { Status = Accepted, Message = $"job {job.JobId} started" }),
            JobAdmission.AlreadyRunning => TypedResults.Ok(new JobCommandResponse { Status = Accepted, Message = $"job {job.JobId} is already running" }),
            _ => TypedResults.Conflict(BusyAnswer(state)),
        };
    }

    public static async Task<Results<Ok<JobCommandResponse>, Conflict<JobCommandResponse>, ValidationProblem>> CancelAsync(
        HttpRequest request, JobSupervisor supervisor, AgentState state)
    {
        var parsed = JobRequestParser.ParseCommand(await ReadBodyAsync(request));
        if (!parsed.IsValid) return Invalid(parsed.Errors, "job cancel");
        var jobId = parsed.Value!.JobId;
        if (supervisor.Cancel(jobId))
            return TypedResults.Ok(new JobCommandResponse { Status = Cancelling, Message = $"job {jobId} stops at its next requirement and saves a checkpoint" });
        var current = state.Current();
        return TypedResults.Conflict(new JobCommandResponse
        {
            Status = NotRunning,
            Message = current.CurrentJobId is { } running && current.Status == AgentStatuses.Working
                ? $"job {jobId} is not running here; job {running} is"
                : $"job {jobId} is not running here; the agent is {current.Status}",
        });
    }

    public static async Task<Results<Ok<JobCommandResponse>, Conflict<JobCommandResponse>, NotFound<JobCommandResponse>, ValidationProblem>> ResumeAsync(
        HttpRequest request, JobSupervisor supervisor, AgentState state)
    {
        var parsed = JobRequestParser.ParseCommand(await ReadBodyAsync(request));
        if (!parsed.IsValid) return Invalid(parsed.Errors, "job resume");
        var jobId = parsed.Value!.JobId;
        return supervisor.Resume(jobId) switch
        {
            JobAdmission.Admitted => TypedResults.Ok(new JobCommandResponse { Status = Accepted, Message = $"job {jobId} resumes" }),
            JobAdmission.AlreadyRunning => TypedResults.Ok(new JobCommandResponse { Status = Accepted, Message = $"job {jobId} is already running" }),
            JobAdmission.NothingToResume => TypedResults.NotFound(new JobCommandResponse { Status = NotFound, Message = $"job {jobId} has nothing to resume in this agent's workspace: it never ran here, or it finished" }),
            _ => TypedResults.Conflict(BusyAnswer(state)),
        };
    }

    private static JobCommandResponse BusyAnswer(AgentState state)
    {
        var current = state.Current();
        return new JobCommandResponse
        {
            Status = Busy,
            Message = current.CurrentJobId is { } running ? $"working on job {running}" : "the agent is shutting down",
        };
    }

    private static ValidationProblem Invalid(IDictionary<string, string[]> errors, string what) =>
        TypedResults.ValidationProblem(errors,
            detail: $"Invalid {what} body: " + string.Join("; ", errors.Select(e => $"{e.Key} {string.Join(", ", e.Value)}")),
            title: $"Invalid {what} request");

    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    }
}

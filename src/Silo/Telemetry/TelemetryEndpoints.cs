using Cockpit.AgentBridge.Telemetry;
using Cockpit.Grains.Jobs;
using Cockpit.Http;
using Cockpit.Storage.Telemetry.Audit;
using Cockpit.Storage.Telemetry.Chat;
using Cockpit.Storage.Telemetry.Graph;
using Cockpit.Storage.Telemetry.Reading;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cockpit.Silo.Telemetry;

/// <summary>
/// The seed cockpit's views of what agents reported: audit trail, chat history, LLM request viewer, requirements
/// and the graph timeline; plus the agents' ingestion endpoint. Jobs are checked against their grain (unknown → 404);
/// the data comes from <see cref="TelemetryReader"/>, which GraphQL and MCP share.
/// </summary>
public static class TelemetryEndpoints
{
    public static IEndpointRouteBuilder MapTelemetryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAgentTelemetry();
        var jobs = app.MapGroup("/api/jobs").WithTags("Agent telemetry");
        jobs.MapGet("/{id}/audit", AuditAsync).WithName("JobAudit");
        jobs.MapGet("/{id}/chat", ChatAsync).WithName("JobChat");
        jobs.MapGet("/{id}/requirements", RequirementsAsync).WithName("JobRequirements");
        app.MapGet("/api/requests/{doc_id}", RequestAsync).WithTags("Agent telemetry").WithName("LlmRequest");
        app.MapGet("/api/graph/changes/{id}", GraphChangesAsync).WithTags("Agent telemetry").WithName("GraphChanges");
        return app;
    }

    /// <summary><c>?step_type=llm,tool&amp;limit=100&amp;cursor=…&amp;order=oldest|newest</c></summary>
    public static async Task<Results<Ok<AuditListResponse>, ProblemHttpResult>> AuditAsync(
        string id, HttpRequest request, IGrainFactory grains, TelemetryReader reader)
    {
        if (await KnownJobAsync(id, grains) is { Problem: { } problem }) return problem;
        var q = request.Query;
        var errors = new Dictionary<string, string[]>();
        var query = TelemetryQueryParser.Audit(Guid.Parse(id), q["step_type"], q["limit"], q["cursor"], q["order"], errors);
        if (query is null) return Problems.Invalid(errors);
        return TypedResults.Ok(await reader.AuditAsync(query, request.HttpContext.RequestAborted));
    }

    public static async Task<Results<Ok<ChatHistory>, ProblemHttpResult>> ChatAsync(
        string id, HttpRequest request, IGrainFactory grains, TelemetryReader reader)
    {
        if (await KnownJobAsync(id, grains) is { Problem: { } problem }) return problem;
        return TypedResults.Ok(await reader.ChatAsync(Guid.Parse(id), request.HttpContext.RequestAborted));
    }

    /// <summary><c>?status=pending,integrated&amp;priority=high&amp;tag=GDPR&amp;limit&amp;offset</c></summary>
    public static async Task<Results<Ok<RequirementListResponse>, ProblemHttpResult>> RequirementsAsync(
        string id, HttpRequest request, IGrainFactory grains, TelemetryReader reader)
    {
        if (await KnownJobAsync(id, grains) is { Problem: { } problem }) return problem;
        var q = request.Query;
        var errors = new Dictionary<string, string[]>();
        var query = TelemetryQueryParser.Requirements(Guid.Parse(id), q["status"], q["priority"], q["tag"], q["limit"], q["offset"], errors);
        if (query is null) return Problems.Invalid(errors);
        return TypedResults.Ok(await reader.RequirementsAsync(query, request.HttpContext.RequestAborted));
    }

    /// <summary>The request viewer: one audit entry with its full request and response. <c>doc_id</c> is the entry's id.</summary>
    public static async Task<Results<Ok<AuditEntry>, ProblemHttpResult>> RequestAsync(
        string doc_id, HttpRequest request, TelemetryReader reader)
    {
        if (!RouteIds.TryParse(doc_id, "doc_id", out var auditId, out var badId)) return badId;
        var entry = await reader.RequestAsync(auditId, request.HttpContext.RequestAborted);
        return entry is null ? Problems.NotFound($"audit entry {auditId} not found") : TypedResults.Ok(entry);
    }

    /// <summary><c>?at=2025-01-31T12:00:00Z&amp;limit=1000</c>: the graph at <c>at</c> and the mutations after it.</summary>
    public static async Task<Results<Ok<GraphTimeline>, ProblemHttpResult>> GraphChangesAsync(
        string id, HttpRequest request, IGrainFactory grains, TelemetryReader reader)
    {
        if (await KnownJobAsync(id, grains) is { Problem: { } problem }) return problem;
        var errors = new Dictionary<string, string[]>();
        var query = TelemetryQueryParser.Graph(request.Query["at"], request.Query["limit"], errors);
        if (query is not { } q) return Problems.Invalid(errors);
        return TypedResults.Ok(await reader.GraphChangesAsync(Guid.Parse(id), q.At, q.Limit, request.HttpContext.RequestAborted));
    }

    /// <summary>400 for a malformed id, 404 for a job that does not exist (or was deleted); else no problem.</summary>
    private static async Task<JobCheck> KnownJobAsync(string id, IGrainFactory grains)
    {
        if (!RouteIds.TryParse(id, "id", out var jobId, out var badId)) return new JobCheck(badId);
        return await grains.GetGrain<IJobGrain>(jobId).GetAsync() is null
            ? new JobCheck(Problems.NotFound($"job {jobId} not found"))
            : new JobCheck(null);
    }

    private readonly record struct JobCheck(ProblemHttpResult? Problem);
}

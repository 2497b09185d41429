using Cockpit.AgentBridge.Security;
using Cockpit.Grains.Agents;
using Cockpit.Http;
using Cockpit.Protocol.Telemetry;
using Cockpit.Storage.Telemetry.Ingestion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Cockpit.AgentBridge.Telemetry;

/// <summary>
/// <c>POST /api/agents/{id}/telemetry</c>: an agent's audit steps, requirements and graph mutations, in batches
/// of at most TELEMETRY_MAX_ITEMS items (500 by default) and TELEMETRY_MAX_BODY_BYTES (8 MiB). An addition to
/// the seed's protocol: agents that never call it lose nothing.
/// </summary>
/// <remarks>
/// Answers: 200 with received/stored counts per kind; 401 without the agent's token when AGENT_REGISTRATION_TOKEN is set; 400 naming the field of the first problems (nothing is
/// stored then); 404 when the agent is not registered; 413 when the body is too large; 415 for a non-JSON body.
/// Resending a batch is safe: audit entries are keyed by their <c>id</c>, requirements by
/// (job_id, requirement_id) and time, graph mutations by (job_id, element_id, op, at).
/// </remarks>
public static class AgentTelemetryEndpoints
{
    public static IEndpointRouteBuilder MapAgentTelemetry(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/agents/{id}/telemetry", IngestAsync).WithTags("Agent protocol").WithName("AgentTelemetry").AllowAnonymous()
            .WithMetadata(AgentCredentialsEndpoint.Instance);
        return app;
    }

    public static async Task<Results<Ok<TelemetryIngestResult>, ProblemHttpResult>> IngestAsync(
        string id, HttpRequest request, IGrainFactory grains, TelemetryIngestion ingestion, JobUsageReports usage, AgentTokens tokens)
    {
        if (!RouteIds.TryParse(id, "id", out var agentId, out var badId)) return badId;
        if (tokens.CheckAgent(request, agentId) is { } refused) return refused;
        if (await grains.GetGrain<IAgentGrain>(agentId).GetAsync() is not { } agent)
            return Problems.NotFound($"agent {agentId} is not registered: register again");

        // LLM calls with long prompts outgrow the silo-wide body limit; this endpoint has its own.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = ingestion.Options.MaxBodyBytes;
        if (request.ContentLength > ingestion.Options.MaxBodyBytes) return Problems.TooLarge(ingestion.Options.MaxBodyBytes);

        var body = await JsonBody.ReadAsync<TelemetryBatchRequest>(request);
        if (body.Problem is not null) return body.Problem;

        var errors = new Dictionary<string, string[]>();
        var batch = ingestion.Validate(agentId, body.Value!, errors);
        if (batch is null) return Problems.Invalid(errors);

        var stored = await ingestion.StoreAsync(batch, agent.ConfigName, request.HttpContext.RequestAborted);
        // Budgets and loops before the answer: the agent's next call should find its job already stopped if it must be.
        await usage.SendAsync(agentId, stored.Usage);
        return TypedResults.Ok(stored);
    }
}

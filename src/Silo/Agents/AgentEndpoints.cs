using Cockpit.Commands.Agents;
using Cockpit.Commands.Jobs;
using Cockpit.Grains.Agents;
using Cockpit.Grains.Jobs;
using Cockpit.Http;
using Cockpit.Silo.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cockpit.Silo.Agents;

/// <summary>The seed's agent endpoints for people: list, details, assign. The agent protocol itself lives in AgentBridge.</summary>
public static class AgentEndpoints
{
    public static IEndpointRouteBuilder MapAgentEndpoints(this IEndpointRouteBuilder app)
    {
        var agents = app.MapGroup("/api/agents").WithTags("Agents");
        agents.MapGet("/", AgentListEndpoint.ListAsync).WithName("ListAgents");
        agents.MapGet("/{id}", GetAsync).WithName("GetAgent");
        agents.MapPut("/{id}/assign", AssignAsync).WithName("AssignJobToAgent");
        return app;
    }

    public static async Task<Results<Ok<AgentResponse>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains)
    {
        if (!RouteIds.TryParse(id, "id", out var agentId, out var badId)) return badId;
        var agent = await grains.GetGrain<IAgentGrain>(agentId).GetAsync();
        return agent is null ? Problems.NotFound($"agent {agentId} not found") : TypedResults.Ok(AgentResponse.From(AgentView.From(agent)));
    }

    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> AssignAsync(
        string id, HttpRequest request, [FromServices] IJobCommands commands)
    {
        if (!RouteIds.TryParse(id, "id", out var agentId, out var badId)) return badId;
        var body = await JsonBody.ReadAsync<AssignJobRequest>(request);
        if (body.Problem is not null) return body.Problem;
        if (body.Value!.JobId is not { } jobId) return Problems.Invalid("job_id", "is required");
        return JobCommandResults.ToHttp(await commands.AssignAsync(jobId, agentId));
    }
}

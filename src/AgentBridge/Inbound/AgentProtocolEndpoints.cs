using Cockpit.AgentBridge.Security;
using Cockpit.Grains.Agents;
using Cockpit.Http;
using Cockpit.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Cockpit.AgentBridge.Inbound;

/// <summary>
/// The seed's inbound agent protocol: register, heartbeat, deregister. Paths and JSON unchanged; with
/// AGENT_REGISTRATION_TOKEN set, each call needs its bearer token (<see cref="AgentTokens"/>) and answers 401 without it.
/// </summary>
public static class AgentProtocolEndpoints
{
    public static IEndpointRouteBuilder MapAgentProtocol(this IEndpointRouteBuilder app)
    {
        // Agents have no sessions and no roles: they prove themselves with AGENT_REGISTRATION_TOKEN and their agent token
        // (AgentTokens), checked in each handler; people's role checks do not apply here.
        var agents = app.MapGroup("/api/agents").WithTags("Agent protocol").AllowAnonymous().WithMetadata(AgentCredentialsEndpoint.Instance);
        agents.MapPost("/register", RegisterAsync).WithName("RegisterAgent");
        agents.MapPost("/{id}/heartbeat", HeartbeatAsync).WithName("AgentHeartbeat");
        agents.MapDelete("/{id}", DeregisterAsync).WithName("DeregisterAgent");
        return app;
    }

    public static async Task<Results<Ok<AgentRegistrationResponse>, ProblemHttpResult>> RegisterAsync(
        HttpRequest request, IGrainFactory grains, RegistrationValidator validator, IOptions<AgentLivenessOptions> liveness, AgentTokens tokens)
    {
        if (tokens.CheckRegistration(request) is { } refused) return refused;
        var body = await JsonBody.ReadAsync<AgentRegistration>(request);
        if (body.Problem is not null) return body.Problem;

        var errors = new Dictionary<string, string[]>();
        var registration = validator.Validate(body.Value!, errors);
        if (registration is null) return Problems.Invalid(errors);

        // Without a hostname there is nothing to recognise the pod by next time, so it gets a fresh id.
        var agent = registration.Hostname is { } hostname
            ? await grains.GetGrain<IAgentRegistryGrain>(IAgentRegistryGrain.KeyFor(hostname)).RegisterAsync(registration)
            : await grains.GetGrain<IAgentGrain>(Guid.NewGuid()).RegisterAsync(registration);

        return TypedResults.Ok(new AgentRegistrationResponse
        {
            AgentId = agent.Id,
            HeartbeatIntervalSeconds = (int)liveness.Value.HeartbeatInterval.TotalSeconds,
            AgentToken = tokens.IssueFor(agent.Id),
        });
    }

    public static async Task<Results<Ok<HeartbeatResponse>, ProblemHttpResult>> HeartbeatAsync(
        string id, HttpRequest request, IGrainFactory grains, TimeProvider clock, AgentTokens tokens)
    {
        if (!RouteIds.TryParse(id, "id", out var agentId, out var badId)) return badId;
        if (tokens.CheckAgent(request, agentId) is { } refused) return refused;
        var body = await JsonBody.ReadAsync<AgentHeartbeat>(request);
        if (body.Problem is not null) return body.Problem;

        var errors = new Dictionary<string, string[]>();
        var heartbeat = HeartbeatValidator.Validate(body.Value!, clock.GetUtcNow(), errors);
        if (heartbeat is null) return Problems.Invalid(errors);

        var agent = await grains.GetGrain<IAgentGrain>(agentId).HeartbeatAsync(heartbeat);
        // 404 tells a pod the orchestrator forgot it, and the pod registers again.
        if (agent is null) return Problems.NotFound($"agent {agentId} is not registered: register again");
        return TypedResults.Ok(new HeartbeatResponse { Ok = true, Status = Grains.StatusNames.ToWire(agent.Status) });
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeregisterAsync(string id, HttpRequest request, IGrainFactory grains, AgentTokens tokens)
    {
        if (!RouteIds.TryParse(id, "id", out var agentId, out var badId)) return badId;
        if (tokens.CheckAgent(request, agentId) is { } refused) return refused;
        var removed = await grains.GetGrain<IAgentGrain>(agentId).DeregisterAsync();
        return removed is null ? Problems.NotFound($"agent {agentId} not found") : TypedResults.NoContent();
    }
}

using Cockpit.Grains.Agents;
using Cockpit.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cockpit.Silo.Cluster;

/// <summary>A look inside the cluster: which silos are alive, and where an agent's grain lives right now.</summary>
public static class ClusterEndpoints
{
    public static IEndpointRouteBuilder MapClusterEndpoints(this IEndpointRouteBuilder app)
    {
        var cluster = app.MapGroup("/api/cluster").WithTags("Cluster");
        cluster.MapGet("/silos", ListSilosAsync).WithName("ListSilos");
        cluster.MapGet("/agents/{id}/silo", AgentSiloAsync).WithName("AgentSilo");
        return app;
    }

    public static async Task<Ok<SiloResponse[]>> ListSilosAsync(IGrainFactory grains)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        return TypedResults.Ok(hosts.Select(h => new SiloResponse(h.Key.ToParsableString(), h.Value.ToString().ToLowerInvariant())).ToArray());
    }

    public static async Task<Results<Ok<AgentSiloResponse>, ProblemHttpResult>> AgentSiloAsync(string id, IGrainFactory grains)
    {
        if (!RouteIds.TryParse(id, "id", out var agentId, out var badId)) return badId;
        var agent = grains.GetGrain<IAgentGrain>(agentId);
        if (await agent.GetAsync() is null) return Problems.NotFound($"agent {agentId} not found");
        return TypedResults.Ok(new AgentSiloResponse(agentId, await agent.GetSiloAsync()));
    }
}

using Cockpit.Agent.Configuration;
using Cockpit.Agent.Jobs;
using Cockpit.Protocol;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cockpit.Agent.Status;

/// <summary>GET /health and GET /status.</summary>
public static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ProtocolPaths.Health, Health);
        endpoints.MapGet(ProtocolPaths.Status, Status);
        return endpoints;
    }

    /// <summary>Answers as long as the process serves HTTP; being unregistered is not unhealthy.</summary>
    public static Ok<AgentStatusReport> Health() => TypedResults.Ok(new AgentStatusReport { Status = "ok" });

    public static Ok<AgentStatusReport> Status(AgentState state, AgentOptions options)
    {
        var current = state.Current();
        return TypedResults.Ok(new AgentStatusReport
        {
            AgentId = state.AgentId,
            Status = current.Status,
            CurrentJobId = current.CurrentJobId,
            ConfigName = options.ConfigName,
            Progress = current.Progress,
        });
    }
}

using Microsoft.AspNetCore.Http;

namespace Cockpit.Bench.BaselineServers;

/// <summary>What a baseline server does behind the same paths and payloads the silo serves.</summary>
public interface IBaselineBackend
{
    Task RegisterAsync(HttpContext context);

    Task HeartbeatAsync(HttpContext context, Guid agentId);

    Task CreateJobAsync(HttpContext context);

    /// <summary>POST /graphql with the <c>assignJob</c> mutation's variables: push /job/start, answer like the silo.</summary>
    Task AssignAsync(HttpContext context, Guid jobId, Guid agentId);
}

using System.Reflection;
using Cockpit.Security;
using ModelContextProtocol.Protocol;

namespace Cockpit.Silo.Mcp;

/// <summary>
/// The MCP server for AI assistants at <c>/mcp</c> (streamable HTTP, stateless: see docs/adr/0005-mcp-stateless.md).
/// Read-only tools over the same services as REST and GraphQL; their names are in <see cref="McpToolNames"/>.
/// </summary>
public static class McpServiceCollectionExtensions
{
    /// <summary>Where the MCP endpoint is mapped.</summary>
    public const string Path = "/mcp";

    /// <summary>
    /// Registers the MCP server, its tools and <see cref="McpToolCallGate"/>. Needs the storage, statistics,
    /// telemetry and workspace services and Orleans' grain factory. No settings.
    /// </summary>
    public static IServiceCollection AddCockpitMcp(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation
                {
                    Name = "cockpit",
                    Title = "Cockpit",
                    Version = typeof(McpServiceCollectionExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0",
                };
                options.ServerInstructions =
                    "Read-only view of a Cockpit orchestrator: LLM agent pods and the jobs they work. Start with list_jobs or " +
                    "list_agents; look into one job with get_job, get_job_audit, get_chat_history, get_todos and get_graph_changes; " +
                    "open one LLM call with get_llm_request; get_stats summarises; query_table browses the database. Ids are UUIDs.";
            })
            // Stateless: any silo behind the load balancer can answer any request (ADR 0005).
            .WithHttpTransport(http => http.Stateless = true)
            .WithTools<JobTools>()
            .WithTools<AgentTools>()
            .WithTools<TelemetryTools>()
            .WithTools<WorkspaceTools>()
            .WithTools<StatisticsTools>()
            .WithTools<UsageTools>()
            .WithTools<TableTools>()
            .WithTools<QueueTools>()
            .WithRequestFilters(filters => filters.AddCallToolFilter(McpToolCallGate.Filter));
        return services;
    }

    /// <summary>Maps the MCP endpoint at <see cref="Path"/> (POST for JSON-RPC; no GET stream or DELETE while stateless).</summary>
    public static IEndpointRouteBuilder MapCockpitMcp(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Not REST: the OpenAPI document leaves it out. Every tool reads, so the endpoint needs the viewer role (not the
        // operator role the fallback policy asks of a POST); McpToolCallGate asks more of admin tools.
        app.MapMcp(Path).ExcludeFromDescription().RequireAuthorization(CockpitPolicies.Viewer);
        return app;
    }
}

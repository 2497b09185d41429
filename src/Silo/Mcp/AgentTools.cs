using System.ComponentModel;
using Cockpit.Commands.Agents;
using Cockpit.Silo.Agents;
using Cockpit.Storage.ReadModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Cockpit.Silo.Mcp;

/// <summary>Agents: the read model's list, as REST's <c>GET /api/agents</c>.</summary>
[McpServerToolType]
public sealed class AgentTools(AgentReadModel agents)
{
    [McpServerTool(Name = McpToolNames.ListAgents, Title = "List agents", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Lists the registered agent pods in registration order, as GET /api/agents shows them: id, config_name, hostname, " +
        "pod_ip, pod_port, status (booting, ready, working, completed, failed, offline), current_job_id, registered_at, " +
        "last_heartbeat, metadata and the last reported metrics.")]
    public async Task<CallToolResult> ListAgentsAsync(
        [Description("Only agents in this status: booting, ready, working, completed, failed or offline.")]
        string? status = null,
        [Description("Only agents with exactly this config name.")]
        string? config_name = null,
        CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = AgentStatusFilter.Parse(string.IsNullOrEmpty(status) ? null : status, "status", errors);
        if (errors.Count > 0) return ToolResults.Invalid(errors);
        var rows = await agents.ListAsync(filter, string.IsNullOrWhiteSpace(config_name) ? null : config_name, cancellationToken);
        return ToolResults.Json(rows.Select(AgentView.From).Select(AgentResponse.From).ToArray());
    }
}

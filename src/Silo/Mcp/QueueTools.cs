using System.ComponentModel;
using Cockpit.Commands.Jobs;
using Cockpit.Silo.Dispatch;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Cockpit.Silo.Mcp;

/// <summary>
/// The queues (issue 13) through <see cref="IDispatchCommands"/>, as REST's <c>GET /api/queues</c> and
/// <c>GET /api/queues/pending</c>. MCP only reads, so queuing a job stays with REST, GraphQL and the cockpit.
/// </summary>
[McpServerToolType]
public sealed class QueueTools(IDispatchCommands dispatch)
{
    [McpServerTool(Name = McpToolNames.ListQueues, Title = "List queues", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("The dispatch queues: {queues, pending}. queues = per queue (a config name, or \"any\" for jobs without one) the pending " +
        "count, oldest pending age, idle matching agents, running jobs and wait p50/p95 over 15 minutes, as GET /api/queues; pending = the " +
        "first pending jobs in dispatch order with position, priority and waiting_reason, as GET /api/queues/pending (empty unless asked for).")]
    public async Task<CallToolResult> ListQueuesAsync(
        [Description("How many pending jobs to list in dispatch order, 0 to 100 (0: none).")]
        int pending = 0,
        [Description("Only the pending jobs of this queue: a config name, or \"any\". Absent: every queue.")]
        string? queue = null,
        CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        var first = ToolArguments.InRange(pending, "pending", 0, McpLimits.MaxPendingJobs, errors);
        if (errors.Count > 0) return ToolResults.Invalid(errors);
        var queues = (await dispatch.GetQueuesAsync(cancellationToken)).Select(QueueResponse.From).ToArray();
        var jobs = first == 0
            ? []
            : (await dispatch.GetPendingAsync(string.IsNullOrEmpty(queue) ? null : queue, first, cancellationToken)).Select(PendingJobResponse.From).ToArray();
        return ToolResults.Json(new McpQueues(queues, jobs));
    }
}

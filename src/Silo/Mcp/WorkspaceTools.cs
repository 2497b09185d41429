using System.ComponentModel;
using Cockpit.Storage.Workspace;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Cockpit.Silo.Mcp;

/// <summary>A job's workspace files, read by <see cref="WorkspaceReader"/> as REST's workspace endpoints read them.</summary>
[McpServerToolType]
public sealed class WorkspaceTools(IGrainFactory grains, WorkspaceReader workspace)
{
    [McpServerTool(Name = McpToolNames.GetTodos, Title = "Job todos", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("The todo list the job's agent keeps in its workspace (todos.yaml), as GET /api/jobs/{id}/todos shows it: " +
        "{todos (open items), archive (finished ones), counts, error}. Empty lists when the agent has not written one yet.")]
    public async Task<CallToolResult> GetTodosAsync(
        [Description("The job's id (a UUID).")] string job_id,
        CancellationToken cancellationToken = default)
    {
        var found = await KnownJob.FindAsync(grains, job_id);
        if (found.Error is { } error) return error;
        return ToolResults.Json(await workspace.GetTodosAsync(found.Job!.Id, cancellationToken));
    }
}

using System.ComponentModel;
using Cockpit.Storage.Telemetry.Reading;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Cockpit.Silo.Mcp;

/// <summary>
/// What agents reported about a job: audit trail, merged chat, one LLM request, the knowledge graph's changes.
/// Arguments go through REST's parsers (<see cref="TelemetryQueryParser"/>), data through <see cref="TelemetryReader"/>.
/// </summary>
[McpServerToolType]
public sealed class TelemetryTools(IGrainFactory grains, TelemetryReader reader)
{
    [McpServerTool(Name = McpToolNames.GetJobAudit, Title = "Job audit trail", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("The audit trail of a job as GET /api/jobs/{id}/audit shows it: what its agent did, step by step (LLM calls, tool calls, " +
        "errors, state changes, notes) with time, name, summary, tokens and duration. Paged: answers {items, next_cursor, total, order}; " +
        "pass next_cursor as cursor for the next page. An item's id opens the full request and response with get_llm_request.")]
    public async Task<CallToolResult> GetJobAuditAsync(
        [Description("The job's id (a UUID).")] string job_id,
        [Description("Only these step types: llm, tool, error, state, note. Empty or absent: every type.")]
        string[]? step_type = null,
        [Description("Entries per page, 1 to 200.")]
        int limit = McpLimits.DefaultAuditEntries,
        [Description("The next_cursor of the previous page; absent for the first page.")]
        string? cursor = null,
        [Description("'oldest' (default) or 'newest' first.")]
        string? order = null,
        CancellationToken cancellationToken = default)
    {
        var found = await KnownJob.FindAsync(grains, job_id);
        if (found.Error is { } error) return error;
        var errors = new Dictionary<string, string[]>();
        ToolArguments.InRange(limit, "limit", 1, McpLimits.MaxAuditEntries, errors);
        var query = TelemetryQueryParser.Audit(found.Job!.Id, step_type ?? [], ToolArguments.Text(limit), cursor, order, errors);
        if (query is null || errors.Count > 0) return ToolResults.Invalid(errors);
        return ToolResults.Json(await reader.AuditAsync(query, cancellationToken));
    }

    [McpServerTool(Name = McpToolNames.GetChatHistory, Title = "Job chat history", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("The LLM calls of a job merged into one sequential conversation, as GET /api/jobs/{id}/chat shows it, a page at a time: " +
        "{job_id, calls, messages: [{index, role, content, message, source (request or response), audit_id, at}], total, offset, " +
        "next_offset, truncated}. Pass next_offset as offset for the next page; it is null on the last. A message's audit_id opens " +
        "its whole LLM call with get_llm_request. Empty when the job's agent made no LLM calls.")]
    public async Task<CallToolResult> GetChatHistoryAsync(
        [Description("The job's id (a UUID).")] string job_id,
        [Description("Messages to skip: 0 for the first page, else the previous page's next_offset.")]
        int offset = 0,
        [Description("Messages per page, 1 to 500.")]
        int limit = McpLimits.DefaultChatMessages,
        CancellationToken cancellationToken = default)
    {
        var found = await KnownJob.FindAsync(grains, job_id);
        if (found.Error is { } error) return error;
        var errors = new Dictionary<string, string[]>();
        ToolArguments.InRange(offset, "offset", 0, int.MaxValue, errors);
        ToolArguments.InRange(limit, "limit", 1, McpLimits.MaxChatMessages, errors);
        if (errors.Count > 0) return ToolResults.Invalid(errors);
        return ToolResults.Json(McpChatPage.From(await reader.ChatAsync(found.Job!.Id, cancellationToken), offset, limit));
    }

    [McpServerTool(Name = McpToolNames.GetLlmRequest, Title = "LLM request", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("One audit entry with its full request and response (for an LLM call: the messages sent, the model's answer, " +
        "model, tokens, duration), as GET /api/requests/{doc_id} shows it. The id is an item id from get_job_audit or a " +
        "message's audit_id from get_chat_history.")]
    public async Task<CallToolResult> GetLlmRequestAsync(
        [Description("The audit entry's id (a UUID).")] string request_id,
        CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        var id = ToolArguments.Id(request_id, "request_id", errors);
        if (errors.Count > 0) return ToolResults.Invalid(errors);
        var entry = await reader.RequestAsync(id, cancellationToken);
        return entry is null ? ToolResults.Error($"audit entry {id} not found") : ToolResults.Json(entry);
    }

    [McpServerTool(Name = McpToolNames.GetGraphChanges, Title = "Knowledge graph changes", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("A job's knowledge graph (documents, requirements and their links) as it stood at a moment, plus every change after " +
        "it in order, as GET /api/graph/changes/{id} shows it: {at, snapshot: {nodes, edges}, deltas, has_more, first_at, last_at}. " +
        "Without 'at' the snapshot is empty and the deltas start at the first change; with at = last_at the snapshot is the current graph.")]
    public async Task<CallToolResult> GetGraphChangesAsync(
        [Description("The job's id (a UUID).")] string job_id,
        [Description("ISO 8601 time of the snapshot, e.g. 2025-01-31T12:00:00Z (UTC when no offset). Absent: before the first change.")]
        string? at = null,
        [Description("Most changes after the snapshot to return, 1 to 1000.")]
        int limit = McpLimits.DefaultGraphDeltas,
        CancellationToken cancellationToken = default)
    {
        var found = await KnownJob.FindAsync(grains, job_id);
        if (found.Error is { } error) return error;
        var errors = new Dictionary<string, string[]>();
        ToolArguments.InRange(limit, "limit", 1, McpLimits.MaxGraphDeltas, errors);
        var query = TelemetryQueryParser.Graph(at, ToolArguments.Text(limit), errors);
        if (query is not { } q || errors.Count > 0) return ToolResults.Invalid(errors);
        return ToolResults.Json(await reader.GraphChangesAsync(found.Job!.Id, q.At, q.Limit, cancellationToken));
    }
}

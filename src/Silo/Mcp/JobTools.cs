using System.ComponentModel;
using Cockpit.Commands.Jobs;
using Cockpit.Silo.Jobs;
using Cockpit.Silo.Statistics;
using Cockpit.Storage.ReadModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Cockpit.Silo.Mcp;

/// <summary>Jobs: the read model's search (as GraphQL's <c>jobs</c>) and one job from its grain (as REST's <c>GET /api/jobs/{id}</c>).</summary>
[McpServerToolType]
public sealed class JobTools(IGrainFactory grains, JobReadModel jobs, JobProgressReader progress)
{
    [McpServerTool(Name = McpToolNames.ListJobs, Title = "List jobs", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Lists jobs newest first, with optional filters, one page at a time. Each job is shown as GET /api/jobs/{id} shows it " +
        "(id, prompt, status, assigned_agent_id, config_name, created_at, completed_at, error_message, progress, ...). " +
        "Answers {jobs, total, has_next_page, next_cursor}; pass next_cursor as cursor for the next page.")]
    public async Task<CallToolResult> ListJobsAsync(
        [Description("Only jobs in these statuses: created, pending, processing, completed, failed, cancelled. Empty or absent: every status.")]
        string[]? status = null,
        [Description("Only jobs assigned (now or last) to this agent id (a UUID).")]
        string? agent_id = null,
        [Description("Only jobs with exactly this agent config name.")]
        string? config_name = null,
        [Description("Only jobs whose prompt contains this text, ignoring case (at most 500 characters).")]
        string? search = null,
        [Description("Jobs per page, 1 to 100.")]
        int limit = McpLimits.DefaultJobs,
        [Description("The next_cursor of the previous page; absent for the first page.")]
        string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        var statuses = JobStatusFilter.Parse(status ?? [], "status", errors);
        var agentId = ToolArguments.OptionalId(agent_id, "agent_id", errors);
        var first = ToolArguments.InRange(limit, "limit", 1, McpLimits.MaxJobs, errors);
        if (search is { Length: > JobSearchQuery.MaxSearchLength }) errors["search"] = [$"must be at most {JobSearchQuery.MaxSearchLength} characters"];
        JobSearchCursor? after = null;
        if (!string.IsNullOrEmpty(cursor) && !JobSearchCursor.TryDecode(cursor, out after)) errors["cursor"] = ["is not a cursor this server handed out"];
        if (errors.Count > 0) return ToolResults.Invalid(errors);

        var page = await jobs.SearchAsync(
            new JobSearchQuery(statuses, agentId, string.IsNullOrEmpty(config_name) ? null : config_name, search, first, after), cancellationToken);
        return ToolResults.Json(new McpJobPage(page.Items.Select(JobView.From).Select(JobResponse.From).ToArray(), page.TotalCount, page.HasNextPage,
            page.HasNextPage ? page.EndCursor?.Encode() : null));
    }

    [McpServerTool(Name = McpToolNames.GetJob, Title = "Get a job", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("One job by id: {job, progress}. job is the job record as GET /api/jobs/{id} shows it (prompt, status, agent, times, error); " +
        "progress is GET /api/jobs/{id}/progress (total and processed requirements, percent, ETA in seconds, counts by requirement status).")]
    public async Task<CallToolResult> GetJobAsync(
        [Description("The job's id (a UUID).")] string job_id,
        CancellationToken cancellationToken = default)
    {
        var found = await KnownJob.FindAsync(grains, job_id);
        if (found.Error is { } error) return error;
        return ToolResults.Json(new McpJobDetails(JobResponse.From(JobView.From(found.Job!)), await progress.ForAsync(found.Job!, cancellationToken)));
    }
}

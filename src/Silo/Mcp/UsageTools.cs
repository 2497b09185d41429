using System.ComponentModel;
using Cockpit.Storage.Statistics;
using Cockpit.Storage.Usage;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Cockpit.Silo.Mcp;

/// <summary>LLM usage and cost through <see cref="UsageQueries"/>, which REST's usage endpoints read too.</summary>
[McpServerToolType]
public sealed class UsageTools(IGrainFactory grains, UsageQueries usage)
{
    [McpServerTool(Name = McpToolNames.GetUsage, Title = "LLM usage and cost", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("LLM calls, tokens and cost in USD (fixed when each call arrived, from config/prices.yaml; calls of unpriced models are " +
        "counted in tokens and as unpriced_calls, never as $0). With job_id: that job's usage in total and per model, its budget and the share of each limit used (GET /api/jobs/{id}/usage). " +
        "Without: the last `days` UTC days grouped by config, model or agent, per day, and the costliest jobs (GET /api/stats/usage).")]
    public async Task<CallToolResult> GetUsageAsync(
        [Description("A job's id (a UUID). Absent: usage statistics over all jobs.")]
        string? job_id = null,
        [Description("Days ending today (UTC), 1 to 90 (without job_id).")]
        int days = StatisticsWindow.DefaultDays,
        [Description("config, model or agent (without job_id).")]
        string group_by = UsageGroupByNames.Config,
        CancellationToken cancellationToken = default)
    {
        if (job_id is not null)
        {
            var found = await KnownJob.FindAsync(grains, job_id);
            if (found.Error is { } error) return error;
            return ToolResults.Json((await usage.JobAsync(found.Job!.Id, cancellationToken)).WithBudget(found.Job.Budget));
        }
        var errors = new Dictionary<string, string[]>();
        ToolArguments.InRange(days, "days", StatisticsWindow.MinDays, StatisticsWindow.MaxDays, errors);
        if (!UsageGroupByNames.TryParse(group_by, out var groupBy)) errors["group_by"] = [$"must be one of {string.Join(", ", UsageGroupByNames.All)}"];
        if (errors.Count > 0) return ToolResults.Invalid(errors);
        return ToolResults.Json(await usage.StatisticsAsync(days, groupBy, cancellationToken));
    }
}

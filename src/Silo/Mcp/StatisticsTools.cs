using System.ComponentModel;
using Cockpit.Silo.Statistics;
using Cockpit.Storage.Statistics;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Cockpit.Silo.Mcp;

/// <summary>The dashboard's statistics through <see cref="StatisticsReader"/>, which REST's <c>/api/stats/*</c> use too.</summary>
[McpServerToolType]
public sealed class StatisticsTools(StatisticsReader statistics)
{
    [McpServerTool(Name = McpToolNames.GetStats, Title = "Statistics", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("The cockpit's statistics in one answer: {daily, agents, queue, stuck}. daily = jobs created, completed, failed and " +
        "cancelled per UTC day with totals and failure rate (GET /api/stats/daily); agents = the workforce: online, working, idle, " +
        "offline, utilization, by config (GET /api/stats/agents); queue = jobs per status now (GET /api/stats/queue); stuck = " +
        "processing jobs without progress for the threshold (GET /api/stats/stuck).")]
    public async Task<CallToolResult> GetStatsAsync(
        [Description("Days of daily counts, ending today (UTC), 1 to 90.")]
        int days = StatisticsWindow.DefaultDays,
        [Description("Minutes without progress after which a processing job counts as stuck, 1 to 43200. Absent: the server's setting (60 by default).")]
        int? stuck_threshold_minutes = null,
        CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        ToolArguments.InRange(days, "days", StatisticsWindow.MinDays, StatisticsWindow.MaxDays, errors);
        var threshold = ToolArguments.InRange(stuck_threshold_minutes ?? statistics.DefaultStuckThresholdMinutes, "stuck_threshold_minutes",
            StuckJobRule.MinThresholdMinutes, StuckJobRule.MaxThresholdMinutes, errors);
        if (errors.Count > 0) return ToolResults.Invalid(errors);
        return ToolResults.Json(new McpStats(
            await statistics.DailyAsync(days, cancellationToken),
            await statistics.AgentsAsync(cancellationToken),
            await statistics.QueueAsync(cancellationToken),
            await statistics.StuckAsync(threshold, cancellationToken)));
    }
}

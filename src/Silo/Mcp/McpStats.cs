using Cockpit.Silo.Statistics;
using Cockpit.Storage.Statistics;

namespace Cockpit.Silo.Mcp;

/// <summary><c>get_stats</c>: the four statistics of <c>/api/stats/{daily,agents,queue,stuck}</c> in one answer.</summary>
public sealed record McpStats(DailyStatsResponse Daily, AgentStatsResponse Agents, QueueMetrics Queue, StuckJobsResponse Stuck);

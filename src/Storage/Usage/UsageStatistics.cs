using System.Text.Json.Serialization;

namespace Cockpit.Storage.Usage;

/// <summary><c>GET /api/stats/usage</c>: the window's usage in total, per group, per day and group, and its costliest jobs.</summary>
public sealed record UsageStatistics(
    [property: JsonPropertyName("days")] int Days,
    [property: JsonPropertyName("group_by")] string GroupBy,
    [property: JsonPropertyName("from")] DateOnly From,
    [property: JsonPropertyName("total")] UsageFigures Total,
    [property: JsonPropertyName("groups")] IReadOnlyList<UsageGroup> Groups,
    [property: JsonPropertyName("daily")] IReadOnlyList<DailyUsage> Daily,
    [property: JsonPropertyName("top_jobs")] IReadOnlyList<TopJobUsage> TopJobs);

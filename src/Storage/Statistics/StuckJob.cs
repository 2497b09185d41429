namespace Cockpit.Storage.Statistics;

/// <summary>A processing job that has reported no progress for at least the threshold.</summary>
/// <param name="LastProgressAt">The last progress report, or when the job last changed if it never reported.</param>
/// <param name="MinutesSinceProgress">Whole minutes from <paramref name="LastProgressAt"/> to the time of the query.</param>
public sealed record StuckJob(
    Guid JobId,
    string Prompt,
    string? ConfigName,
    Guid? AgentId,
    string? AgentHostname,
    string? AgentStatus,
    DateTimeOffset LastProgressAt,
    long MinutesSinceProgress,
    int? ProcessedRequirements,
    int? TotalRequirements);

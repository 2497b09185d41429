namespace Cockpit.Agent.Telemetry;

/// <summary>One requirement update as sent to the orchestrator.</summary>
public sealed record RequirementItem(
    Guid JobId,
    string RequirementId,
    string Text,
    string Status,
    string? Priority,
    IReadOnlyList<string> ComplianceTags,
    string? Source,
    DateTimeOffset At);

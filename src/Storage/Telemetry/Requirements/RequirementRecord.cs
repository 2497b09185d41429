namespace Cockpit.Storage.Telemetry.Requirements;

/// <summary>A requirement as stored (one item of <c>GET /api/jobs/{id}/requirements</c>).</summary>
/// <param name="FirstSeenAt">When the agent first reported it.</param>
/// <param name="UpdatedAt">The agent's time of the newest update applied.</param>
/// <param name="StatusChangedAt">When the status last changed.</param>
/// <param name="ProcessedAt">When the status first left <c>pending</c>; null while pending.</param>
public sealed record RequirementRecord(
    Guid JobId,
    string RequirementId,
    string Text,
    string Status,
    string? Priority,
    IReadOnlyList<string> ComplianceTags,
    string? Source,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset StatusChangedAt,
    DateTimeOffset? ProcessedAt);

namespace Cockpit.Storage.Telemetry.Requirements;

/// <summary>What an agent reports about one requirement at one moment; upserted by (job, requirement id).</summary>
/// <param name="RequirementId">The agent's id for it, e.g. <c>REQ-001</c>; unique within the job.</param>
/// <param name="Status">One of <see cref="RequirementStatuses"/>.</param>
/// <param name="Priority">One of <see cref="RequirementPriorities"/>, or null to keep what is stored.</param>
/// <param name="At">The agent's time of this update; an update older than the stored one is ignored.</param>
public sealed record RequirementUpdate(
    Guid JobId,
    string RequirementId,
    string Text,
    string Status,
    string? Priority,
    IReadOnlyList<string> ComplianceTags,
    string? Source,
    DateTimeOffset At,
    Guid AgentId);

namespace Cockpit.Storage.Telemetry.Requirements;

/// <summary>
/// Counts and processing times of one job's requirements: enough for a progress bar and an ETA
/// (see <see cref="RequirementEta"/>).
/// </summary>
/// <param name="ByStatus">Count per status; every status of <see cref="RequirementStatuses.All"/> is present.</param>
/// <param name="Processed">Requirements whose status has left pending.</param>
public sealed record RequirementSummary(
    long Total,
    IReadOnlyDictionary<string, long> ByStatus,
    long Processed,
    DateTimeOffset? FirstSeenAt,
    DateTimeOffset? FirstProcessedAt,
    DateTimeOffset? LastProcessedAt)
{
    public static RequirementSummary Empty { get; } =
        new(0, RequirementStatuses.All.ToDictionary(s => s, _ => 0L), 0, null, null, null);
}

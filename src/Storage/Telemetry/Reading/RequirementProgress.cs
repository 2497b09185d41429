namespace Cockpit.Storage.Telemetry.Reading;

/// <summary>Counts, progress and ETA of a job's requirements (the <c>summary</c> of the requirements list).</summary>
/// <param name="EtaSeconds">Estimated seconds until every known requirement is processed; null while unknown.</param>
public sealed record RequirementProgress(
    long Total,
    IReadOnlyDictionary<string, long> ByStatus,
    long Processed,
    double ProgressPercent,
    double? EtaSeconds,
    DateTimeOffset? FirstSeenAt,
    DateTimeOffset? FirstProcessedAt,
    DateTimeOffset? LastProcessedAt);

namespace Cockpit.Storage.Telemetry.Audit;

/// <summary>One page of a job's audit trail.</summary>
/// <param name="Next">Where the next page starts; null when this page is the last.</param>
/// <param name="Total">Entries of the job matching the step filter, over all pages.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntrySummary> Items, AuditCursor? Next, long Total);

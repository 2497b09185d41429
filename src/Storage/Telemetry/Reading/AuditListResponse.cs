using Cockpit.Storage.Telemetry.Audit;

namespace Cockpit.Storage.Telemetry.Reading;

/// <summary><c>GET /api/jobs/{id}/audit</c>.</summary>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last page.</param>
/// <param name="Total">Entries matching the step filter, over all pages.</param>
/// <param name="Order"><c>oldest</c> or <c>newest</c> first.</param>
public sealed record AuditListResponse(Guid JobId, IReadOnlyList<AuditEntrySummary> Items, string? NextCursor, long Total, string Order);

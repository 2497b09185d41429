using Cockpit.Storage.Telemetry.Requirements;

namespace Cockpit.Storage.Telemetry.Reading;

/// <summary><c>GET /api/jobs/{id}/requirements</c>: the filtered page and the whole job's summary.</summary>
/// <param name="Total">Requirements matching the filters, over all pages.</param>
public sealed record RequirementListResponse(Guid JobId, IReadOnlyList<RequirementRecord> Items, long Total, RequirementProgress Summary);

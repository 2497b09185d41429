namespace Cockpit.Storage.Telemetry.Ingestion;

/// <summary>
/// The body of <c>POST /api/agents/{id}/telemetry</c>: any of the three lists, together at most
/// <see cref="TelemetryOptions.MaxItems"/> items. Fields are nullable so that the validator, not the JSON reader,
/// names what is missing.
/// </summary>
public sealed class TelemetryBatchRequest
{
    public List<AuditItemRequest?>? Audit { get; set; }

    public List<RequirementItemRequest?>? Requirements { get; set; }

    public List<GraphItemRequest?>? Graph { get; set; }
}

using System.Text.Json.Serialization;

namespace Cockpit.Protocol.Telemetry;

/// <summary>
/// The body of <c>POST /api/agents/{id}/telemetry</c>: any of the three lists, together at most
/// TELEMETRY_MAX_ITEMS items (500 by default). Fields are nullable so that the validator, not the JSON reader,
/// names what is missing.
/// </summary>
public sealed record TelemetryBatchRequest
{
    [JsonPropertyName("audit")]
    public List<AuditItemRequest?>? Audit { get; init; }

    [JsonPropertyName("requirements")]
    public List<RequirementItemRequest?>? Requirements { get; init; }

    [JsonPropertyName("graph")]
    public List<GraphItemRequest?>? Graph { get; init; }
}

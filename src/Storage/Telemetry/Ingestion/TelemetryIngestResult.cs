using System.Text.Json.Serialization;
using Cockpit.Storage.Usage;

namespace Cockpit.Storage.Telemetry.Ingestion;

/// <summary>The answer to an accepted telemetry batch.</summary>
public sealed record TelemetryIngestResult(TelemetryKindResult Audit, TelemetryKindResult Requirements, TelemetryKindResult Graph)
{
    /// <summary>What the batch added to the LLM usage roll-ups (for budgets and loops); not part of the answer.</summary>
    [JsonIgnore]
    public UsageRecorded Usage { get; init; } = UsageRecorded.None;
}

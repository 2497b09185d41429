using Cockpit.Storage.Telemetry.Audit;
using Cockpit.Storage.Telemetry.Graph;
using Cockpit.Storage.Telemetry.Requirements;

namespace Cockpit.Storage.Telemetry.Ingestion;

/// <summary>A telemetry batch that passed validation, as the stores take it.</summary>
public sealed record ValidatedTelemetryBatch(
    Guid AgentId,
    IReadOnlyList<AuditEntry> Audit,
    IReadOnlyList<RequirementUpdate> Requirements,
    IReadOnlyList<GraphMutation> Graph)
{
    public int Count => Audit.Count + Requirements.Count + Graph.Count;
}

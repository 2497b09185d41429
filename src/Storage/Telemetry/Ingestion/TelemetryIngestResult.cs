namespace Cockpit.Storage.Telemetry.Ingestion;

/// <summary>The answer to an accepted telemetry batch.</summary>
public sealed record TelemetryIngestResult(TelemetryKindResult Audit, TelemetryKindResult Requirements, TelemetryKindResult Graph);

namespace Cockpit.Storage.Telemetry.Ingestion;

/// <param name="Received">Items of this kind in the request.</param>
/// <param name="Stored">Items that changed something; resent items count as received but not stored.</param>
public sealed record TelemetryKindResult(int Received, int Stored);

namespace Cockpit.Agent.Telemetry;

/// <summary>The three lists of a telemetry batch; the names are the JSON keys.</summary>
public enum TelemetryItemKind
{
    Audit,
    Requirements,
    Graph,
}

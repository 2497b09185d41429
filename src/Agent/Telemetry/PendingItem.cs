namespace Cockpit.Agent.Telemetry;

/// <summary>A telemetry item waiting to be sent, already serialized (so a batch's size is known before it is built).</summary>
public sealed record PendingItem(long Seq, TelemetryItemKind Kind, Guid JobId, byte[] Json);

namespace Cockpit.Grains.Dispatch;

/// <summary>A processing job in the read model.</summary>
public sealed record DispatchSourceRun(Guid JobId, string? ConcurrencyKey, Guid AgentId);

namespace Cockpit.Grains.Dispatch;

/// <summary>A job the dispatcher started (or is starting) and has not heard end.</summary>
internal sealed record RunningJob(string? ConcurrencyKey, Guid AgentId);

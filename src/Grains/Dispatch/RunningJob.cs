namespace Cockpit.Grains.Dispatch;

/// <summary>A job the dispatcher started (or is starting) and has not heard end.</summary>
/// <param name="Since">When the dispatcher booked the start; <see cref="DateTimeOffset.MinValue"/> when it only heard of it.</param>
internal sealed record RunningJob(string? ConcurrencyKey, Guid AgentId, DateTimeOffset Since);

using Cockpit.Grains.Agents;

namespace Cockpit.Grains.Events;

/// <summary>An agent's record changed (or it was deregistered, when <paramref name="Deleted"/>).</summary>
/// <param name="Cause">Why, in a few words: "registered", "heartbeat: ready", "offline: no heartbeat for 180 s", ….</param>
[GenerateSerializer]
public sealed record AgentChanged(
    DateTimeOffset At,
    [property: Id(0)] AgentSnapshot Agent,
    [property: Id(1)] AgentStatus? PreviousStatus,
    [property: Id(2)] string Cause,
    [property: Id(3)] bool Deleted = false) : DomainEvent(At);

namespace Cockpit.Grains.Agents;

/// <summary>An agent the read model has not heard from since <paramref name="LastHeard"/>.</summary>
/// <param name="LastHeard">
/// Its last heartbeat as written to the read model: heartbeats are written in batches, so those a silo held when it
/// died are missing, and this may be earlier than the agent's true last heartbeat.
/// </param>
[GenerateSerializer, Immutable]
public sealed record SilentAgent([property: Id(0)] Guid AgentId, [property: Id(1)] DateTimeOffset LastHeard);

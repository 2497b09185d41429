namespace Cockpit.Grains.Agents;

/// <summary>An agent the read model has not heard from since about <paramref name="LastHeard"/>.</summary>
/// <param name="LastHeard">
/// Its last heartbeat as written to the read model plus the read model's write delay. Heartbeats are written in
/// batches, and those a silo held unwritten when it died are lost, so the agent may have been heard later — but not
/// later than this plus one heartbeat interval (a heartbeat that arrived after the dead silo's last batch, which held
/// the one before it). <see cref="IAgentGrain.RollCallAsync"/> adds that interval.
/// </param>
[GenerateSerializer, Immutable]
public sealed record SilentAgent([property: Id(0)] Guid AgentId, [property: Id(1)] DateTimeOffset LastHeard);

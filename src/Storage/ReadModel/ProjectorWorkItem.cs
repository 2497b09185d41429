using Cockpit.Grains.Events;

namespace Cockpit.Storage.ReadModel;

/// <summary>
/// One entry of the projector's queue: either an event, or a set of coalesced heartbeats (possibly empty), with
/// an optional completion to signal once it and everything queued before it is written.
/// </summary>
internal readonly record struct ProjectorWorkItem(
    DomainEvent? Event,
    IReadOnlyList<AgentHeartbeat>? Heartbeats,
    TaskCompletionSource? Written);

using Cockpit.Grains.Events;

namespace Cockpit.Grains.Ports;

/// <summary>
/// Where grains hand their events: the read-model projector and the live event hub sit behind it.
/// Calls must not block: implementations queue and return.
/// </summary>
public interface IDomainEventSink
{
    void Publish(DomainEvent domainEvent);

    /// <summary>
    /// A heartbeat that changed nothing but the time. Kept apart from <see cref="Publish"/> so that
    /// a fleet's heartbeats coalesce into a few batched writes instead of one write each.
    /// </summary>
    void HeartbeatSeen(Guid agentId, DateTimeOffset at, string? metricsJson);
}

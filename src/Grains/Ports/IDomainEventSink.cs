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
    /// Publishes like <see cref="Publish"/> and completes once the read model holds the event (or the projector has
    /// skipped it as unwritable, or is stopped). For changes the read model must not lose with a silo: the dispatcher
    /// is rebuilt from the read model (ADR 0018). The wait is the caller's to bound with <paramref name="cancellationToken"/>;
    /// cancelling ends the wait only, the event stays queued.
    /// </summary>
    Task PublishWrittenAsync(DomainEvent domainEvent, CancellationToken cancellationToken);

    /// <summary>
    /// A heartbeat that changed nothing but the time. Kept apart from <see cref="Publish"/> so that
    /// a fleet's heartbeats coalesce into a few batched writes instead of one write each.
    /// </summary>
    void HeartbeatSeen(Guid agentId, DateTimeOffset at, string? metricsJson);
}

namespace Cockpit.Storage.Live;

/// <summary>
/// Cluster-wide change notices. Whatever any silo publishes, every silo's <see cref="Events"/> yields — so a
/// GraphQL subscriber on one silo sees changes of grains living on another.
/// </summary>
public interface ILiveEventHub
{
    /// <summary>Hot stream of every event published anywhere in the cluster after this silo started listening.</summary>
    IObservable<LiveEvent> Events { get; }

    Task PublishAsync(IReadOnlyList<LiveEvent> events, CancellationToken cancellationToken = default);

    /// <summary>
    /// Delivers to this silo's subscribers only. For sources every silo observes by itself (the shared workspace
    /// volume each silo watches): publishing those cluster-wide would reach every subscriber once per silo.
    /// </summary>
    Task PublishLocalAsync(IReadOnlyList<LiveEvent> events, CancellationToken cancellationToken = default) =>
        PublishAsync(events, cancellationToken);
}

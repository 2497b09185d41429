using Cockpit.Grains.Events;
using Microsoft.Extensions.Hosting;

namespace Cockpit.Storage.ReadModel;

/// <summary>
/// Hears each batch the projector commits, for as long as the host runs: what it does with the batch sees the
/// change already in the read model. <see cref="OnBatchCommitted"/> runs on the projector's loop, so it must be
/// quick and must not block (queue anything slow).
/// </summary>
public abstract class CommittedBatchListener(ReadModelProjector projector) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        projector.BatchCommitted += OnBatchCommitted;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        projector.BatchCommitted -= OnBatchCommitted;
        return Task.CompletedTask;
    }

    /// <summary>The batch's events in the order they were published.</summary>
    protected abstract void OnBatchCommitted(IReadOnlyList<DomainEvent> events);
}

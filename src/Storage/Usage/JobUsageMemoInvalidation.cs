using System.Reactive.Linq;
using Cockpit.Storage.Live;
using Microsoft.Extensions.Hosting;

namespace Cockpit.Storage.Usage;

/// <summary>
/// Makes this silo's <see cref="JobUsageMemo"/> forget a job when any silo announces new usage of it on the live hub
/// (ADR 27), so another silo's ingestion is usually seen within the notice's milliseconds rather than the memo's
/// lifetime. The memo's lifetime still bounds it when a notice is lost (the hub delivers at most once).
/// </summary>
public sealed class JobUsageMemoInvalidation(ILiveEventHub hub, JobUsageMemo memo) : IHostedService, IDisposable
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // On the hub's listening thread: forgetting is a dictionary removal, nothing to hand off.
        _subscription = hub.Events.Where(e => e.Kind == LiveEventKinds.Usage).Subscribe(e => memo.Forget([e.Id]), _ => { });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => Interlocked.Exchange(ref _subscription, null)?.Dispose();
}

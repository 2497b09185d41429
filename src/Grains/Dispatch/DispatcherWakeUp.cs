using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Grains.Dispatch;

/// <summary>
/// Calls the cluster's <see cref="IDispatcherGrain"/> from every silo once per
/// <see cref="DispatcherOptions.ReconcileInterval"/>, so that a dispatcher lost with its silo is activated again on a
/// live one (and rebuilt from the read model) even when no job or agent changes. Cheap: one call per silo per interval.
/// </summary>
public sealed class DispatcherWakeUp(IGrainFactory grains, IOptions<DispatcherOptions> options, ILogger<DispatcherWakeUp> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DispatcherWakeUp), ServiceLifecycleStage.Active, OnStartAsync, OnStopAsync);

    private Task OnStartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(WakeLoopAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task OnStopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
    }

    public void Dispose() => _stop.Dispose();

    private async Task WakeLoopAsync()
    {
        using var timer = new PeriodicTimer(options.Value.ReconcileInterval);
        do
        {
            try
            {
                await grains.GetGrain<IDispatcherGrain>(IDispatcherGrain.Key).WakeAsync();
            }
            catch (Exception e) when (!_stop.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not reach the dispatcher; trying again in {Interval}", options.Value.ReconcileInterval);
            }
            catch (Exception)
            {
                return;
            }
        }
        while (await WaitAsync(timer));
    }

    private async Task<bool> WaitAsync(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

using Cockpit.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Grains.Dispatch;

/// <summary>
/// Calls the cluster's <see cref="IDispatcherGrain"/> from every silo once per
/// <see cref="DispatcherOptions.ReconcileInterval"/>, so that a dispatcher lost with its silo is activated again on a
/// live one (and rebuilt from the read model) even when no job or agent changes. Cheap: one call per silo per interval.
/// </summary>
public sealed class DispatcherWakeUp(IGrainFactory grains, IOptions<DispatcherOptions> options, ILogger<DispatcherWakeUp> logger)
    : ActiveSiloLoop
{
    protected override async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(options.Value.ReconcileInterval);
        do
        {
            try
            {
                await grains.GetGrain<IDispatcherGrain>(IDispatcherGrain.Key).WakeAsync();
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not reach the dispatcher; trying again in {Interval}", options.Value.ReconcileInterval);
            }
            catch (Exception)
            {
                return;
            }
        }
        while (await NextTickAsync(timer, stopping));
    }
}

using Microsoft.Extensions.Logging;

namespace Cockpit.Grains.Agents;

/// <summary>
/// Makes sure the cluster's <see cref="IAgentRollCallGrain"/> has its reminder once this silo is active. Every silo
/// does it, so the roll call runs as long as any silo does; a failure (the database not reachable yet) is retried in
/// the background rather than failing the silo's start.
/// </summary>
public sealed class AgentRollCallStarter(IGrainFactory grains, ILogger<AgentRollCallStarter> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    /// <summary>Pause between attempts while the reminder cannot be registered.</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stop = new();
    private Task? _attempts;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(AgentRollCallStarter), ServiceLifecycleStage.Active, OnStartAsync, OnStopAsync);

    private Task OnStartAsync(CancellationToken cancellationToken)
    {
        _attempts = Task.Run(StartRollCallAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task OnStopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        if (_attempts is not null) await _attempts;
    }

    public void Dispose() => _stop.Dispose();

    private async Task StartRollCallAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await grains.GetGrain<IAgentRollCallGrain>(IAgentRollCallGrain.Key).StartAsync();
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not start the roll call of silent agents; trying again in {Delay}", RetryDelay);
            }

            try
            {
                await Task.Delay(RetryDelay, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

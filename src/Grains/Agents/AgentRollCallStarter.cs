using Cockpit.Grains.Hosting;
using Microsoft.Extensions.Logging;

namespace Cockpit.Grains.Agents;

/// <summary>
/// Makes sure the cluster's <see cref="IAgentRollCallGrain"/> has its reminder once this silo is active. Every silo
/// does it, so the roll call runs as long as any silo does; a failure (the database not reachable yet) is retried in
/// the background rather than failing the silo's start.
/// </summary>
public sealed class AgentRollCallStarter(IGrainFactory grains, ILogger<AgentRollCallStarter> logger) : ActiveSiloLoop
{
    /// <summary>Pause between attempts while the reminder cannot be registered.</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task RunAsync(CancellationToken stopping)
    {
        do
        {
            try
            {
                await grains.GetGrain<IAgentRollCallGrain>(IAgentRollCallGrain.Key).StartAsync();
                return;
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not start the roll call of silent agents; trying again in {Delay}", RetryDelay);
            }
            catch (Exception)
            {
                return;
            }
        }
        while (await PauseAsync(RetryDelay, stopping));
    }
}

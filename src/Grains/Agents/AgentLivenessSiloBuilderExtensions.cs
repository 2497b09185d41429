using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Grains.Agents;

public static class AgentLivenessSiloBuilderExtensions
{
    /// <summary>
    /// Offline detection's two paths: this silo's <see cref="AgentSilenceSweep"/> for the agents active on it, and the
    /// cluster's <see cref="IAgentRollCallGrain"/> (started by <see cref="AgentRollCallStarter"/>) for the agents no
    /// silo watches. Needs reminders, an <see cref="Ports.ISilentAgentFinder"/> and <see cref="AgentLivenessOptions"/>.
    /// </summary>
    public static ISiloBuilder AddAgentLiveness(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<AgentSilenceSweep>();
        silo.Services.AddSingleton<AgentRollCallStarter>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<AgentRollCallStarter>());
        return silo;
    }
}

namespace Cockpit.Grains.Agents;

/// <summary>Hostname → agent id. Registrations of one hostname are serialized here, so two racing pods get one id.</summary>
public sealed class AgentRegistryGrain(
    [PersistentState("registry", GrainStorage.Name)] IPersistentState<AgentRegistryState> store) : Grain, IAgentRegistryGrain
{
    public async Task<AgentSnapshot> RegisterAsync(AgentRegistrationInfo registration)
    {
        if (store.State.AgentId is not { } agentId)
        {
            agentId = Guid.NewGuid();
            store.State.AgentId = agentId;
            await store.WriteOrDeactivateAsync(DeactivateOnIdle);
        }
        return await GrainFactory.GetGrain<IAgentGrain>(agentId).RegisterAsync(registration);
    }
}

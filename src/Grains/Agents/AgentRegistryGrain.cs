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
        var agent = await GrainFactory.GetGrain<IAgentGrain>(agentId).RegisterAsync(registration);
        // A hostname registers once per pod start, then not for hours: kept until idle collection, a fleet's registry
        // activations would cost as much memory as the agents themselves. The state is written, so a later
        // registration (or one queued behind this) activates it again with the same id.
        DeactivateOnIdle();
        return agent;
    }
}

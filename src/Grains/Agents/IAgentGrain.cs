using Cockpit.Grains.Jobs;

namespace Cockpit.Grains.Agents;

/// <summary>
/// One agent pod: its record, lifecycle and liveness. Key: the agent id.
/// Calls between grains go one way only: jobs ask agents (requests), agents tell jobs (one-way notifications),
/// so no two grains ever wait on each other.
/// </summary>
public interface IAgentGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Registers (or re-registers) the agent. Pods with a hostname come through <see cref="IAgentRegistryGrain"/>,
    /// so one hostname keeps one id; pods without one get a fresh id each time.
    /// </summary>
    Task<AgentSnapshot> RegisterAsync(AgentRegistrationInfo registration);

    /// <summary>Null when the agent is not registered (the pod should register again).</summary>
    Task<AgentSnapshot?> HeartbeatAsync(HeartbeatInfo heartbeat);

    Task<AgentSnapshot?> GetAsync();

    /// <summary>Forgets the agent; null when it was not registered.</summary>
    Task<AgentSnapshot?> DeregisterAsync();

    /// <summary>Pushes <c>/job/start</c> to a ready agent; on acceptance the agent is working on the job.</summary>
    Task<CommandResult<AgentSnapshot>> StartJobAsync(JobSpec job);

    /// <summary>Pushes <c>/job/resume</c> to a ready agent; on acceptance the agent is working on the job.</summary>
    Task<CommandResult<AgentSnapshot>> ResumeJobAsync(Guid jobId);

    /// <summary>Pushes <c>/job/cancel</c> when the agent is on that job; Ok without a push when it is not.</summary>
    Task<CommandResult<AgentSnapshot>> CancelJobAsync(Guid jobId);

    /// <summary>
    /// Marks the agent offline when it has been silent longer than the grace (nothing otherwise), and sends again the
    /// outcomes it still owes jobs. Called by the silo's <see cref="AgentSilenceSweep"/>.
    /// </summary>
    Task CheckSilenceAsync();

    /// <summary>
    /// <see cref="CheckSilenceAsync"/> as the cluster's <see cref="IAgentRollCallGrain"/> asks it, for an agent the read
    /// model last heard at about <paramref name="lastHeard"/> (<see cref="SilentAgent.LastHeard"/>). A grain activated by
    /// this call (its silo died) counts the silence from there plus one heartbeat interval instead of from its own start;
    /// one that has heard the agent itself ignores it. A deregistered agent, which the read model should no longer list,
    /// publishes its deletion again.
    /// </summary>
    Task RollCallAsync(DateTimeOffset lastHeard);

    /// <summary>The silo this grain lives on right now (for the cluster view and failover tests).</summary>
    Task<string> GetSiloAsync();
}

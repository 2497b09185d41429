using Cockpit.Grains.Agents;

namespace Cockpit.Grains.Ports;

/// <summary>
/// Finds, in the read model, the agents that may need a word from <see cref="IAgentRollCallGrain"/>: those the
/// cluster may have stopped watching because the silo hosting their grain died or stopped.
/// </summary>
public interface ISilentAgentFinder
{
    /// <summary>
    /// At most <paramref name="limit"/> agents, longest silent first, that either are not offline and were last heard
    /// before <paramref name="heardBefore"/>, or hold a pending or processing job that has not changed since then
    /// although the agent is offline or names another job (an outcome it owes that job may not have arrived).
    /// </summary>
    Task<IReadOnlyList<SilentAgent>> FindAsync(DateTimeOffset heardBefore, int limit, CancellationToken cancellationToken);
}

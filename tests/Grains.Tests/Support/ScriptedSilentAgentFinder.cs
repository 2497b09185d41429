using System.Collections.Concurrent;
using Cockpit.Grains.Agents;
using Cockpit.Grains.Ports;

namespace Cockpit.Grains.Tests.Support;

/// <summary>
/// Stands in for the read model's answer to the roll call (the PostgreSQL query has its own tests in Storage.Tests,
/// and the end-to-end failover test runs the two together): a test says which agents the read model last heard when.
/// One instance is shared by both in-process silos.
/// </summary>
public sealed class ScriptedSilentAgentFinder : ISilentAgentFinder
{
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _lastHeard = new();

    /// <summary>From now on the read model says <paramref name="agentId"/> was last heard at <paramref name="at"/>.</summary>
    public void Says(Guid agentId, DateTimeOffset at) => _lastHeard[agentId] = at;

    public void Forget(Guid agentId) => _lastHeard.TryRemove(agentId, out _);

    public Task<IReadOnlyList<SilentAgent>> FindAsync(DateTimeOffset heardBefore, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<SilentAgent> found = _lastHeard
            .Where(entry => entry.Value < heardBefore)
            .OrderBy(entry => entry.Value)
            .Take(limit)
            .Select(entry => new SilentAgent(entry.Key, entry.Value))
            .ToList();
        return Task.FromResult(found);
    }
}

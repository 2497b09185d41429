namespace Cockpit.Grains.Agents;

/// <summary>
/// Maps a hostname to its agent id, so that a pod registering again after a restart keeps its id
/// (seed: update pod_ip "rather than creating a duplicate"). Key: <see cref="KeyFor"/>(hostname).
/// </summary>
public interface IAgentRegistryGrain : IGrainWithStringKey
{
    Task<AgentSnapshot> RegisterAsync(AgentRegistrationInfo registration);

    /// <summary>
    /// The "host:" prefix keeps keys from parsing as hex numbers, which collide in ADO.NET grain storage.
    /// </summary>
    static string KeyFor(string hostname) => "host:" + hostname.ToLowerInvariant();
}

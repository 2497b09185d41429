using Cockpit.GraphQL.Schema.Configs;
using Cockpit.Silo.Configs;

namespace Cockpit.Silo.Jobs;

/// <summary>
/// GraphQL's <see cref="IAgentConfigCatalog"/> port over the Silo's <see cref="ConfigCatalog"/>. Here only until the
/// catalog moves to Storage, where GraphQL can use it directly.
/// </summary>
public sealed class ConfigCatalogPort(ConfigCatalog catalog) : IAgentConfigCatalog
{
    public async Task<IReadOnlyList<AgentConfigView>> ListAsync(CancellationToken cancellationToken = default) =>
        (await catalog.ListAsync(cancellationToken)).Select(c => new AgentConfigView(c.Name, c.Valid, c.Errors, c.Settings)).ToList();
}

namespace Cockpit.GraphQL.Schema.Configs;

/// <summary>
/// The named agent configurations (config/agents/*.yaml merged onto defaults.yaml and checked against schema.json).
/// A port: the catalog lives in the Silo, which GraphQL may not reference; the Silo registers an adapter.
/// </summary>
public interface IAgentConfigCatalog
{
    Task<IReadOnlyList<AgentConfigView>> ListAsync(CancellationToken cancellationToken = default);
}

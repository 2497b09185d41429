using Cockpit.GraphQL.Schema.Commands;
using Cockpit.GraphQL.Schema.Configs;

namespace Cockpit.Silo.Jobs;

public static class JobCommandServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="JobCommandService"/> (REST's job endpoints) as GraphQL's <see cref="IJobCommands"/> too, and
    /// the <see cref="IAgentConfigCatalog"/> port over the config catalog. Needs the workspace services
    /// (DocumentSetStore) and the statistics services (ConfigCatalog).
    /// </summary>
    public static IServiceCollection AddJobCommands(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<JobCommandService>();
        services.AddSingleton<IJobCommands>(sp => sp.GetRequiredService<JobCommandService>());
        services.AddSingleton<IAgentConfigCatalog, ConfigCatalogPort>();
        return services;
    }
}

using Cockpit.Commands.Configs;
using Cockpit.Commands.Jobs;
using Cockpit.Storage.Workspace;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cockpit.Commands;

public static class JobCommandServiceCollectionExtensions
{
    /// <summary>
    /// Registers the command layer every front door calls: <see cref="IJobCommands"/> (as <see cref="JobCommandService"/>)
    /// and the <see cref="ConfigCatalog"/> (CONFIG_DIR, see <see cref="ConfigDirectory.Resolve"/>). Needs the workspace
    /// services (DocumentSetStore, WorkspacePaths) and an <see cref="IHostEnvironment"/> (the content root CONFIG_DIR is
    /// relative to). DOCUMENT_ROOTS is checked at start (<see cref="DocumentRootsOptions"/>).
    /// </summary>
    public static IServiceCollection AddJobCommands(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IJobCommands, JobCommandService>();
        services.AddOptions<DocumentRootsOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DocumentRootsOptions>>().Value
            .Resolve(sp.GetRequiredService<WorkspacePaths>().Root));
        services.AddSingleton<IDispatchCommands, DispatchCommandService>();
        services.AddOptions<DispatchDefaults>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new ConfigCatalog(ConfigDirectory.Resolve(
            configuration[ConfigDirectory.SettingName], sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        return services;
    }
}

using Cockpit.Commands.Configs;
using Cockpit.Commands.Jobs;
using Cockpit.Settings;
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
    /// relative to). Settings: <see cref="DocumentRootsOptions"/>, <see cref="DispatchDefaults"/>,
    /// <see cref="ConfigDirectoryOptions"/>, bound and checked at start.
    /// </summary>
    public static IServiceCollection AddJobCommands(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IJobCommands, JobCommandService>();
        services.AddSettings<DocumentRootsOptions>(configuration);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DocumentRootsOptions>>().Value
            .Resolve(sp.GetRequiredService<WorkspacePaths>().Root));
        services.AddSingleton<IDispatchCommands, DispatchCommandService>();
        services.AddSettings<DispatchDefaults>(configuration);
        services.AddSettings<ConfigDirectoryOptions>(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new ConfigCatalog(sp.GetRequiredService<ConfigDirectoryOptions>()
            .Resolve(sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        return services;
    }
}

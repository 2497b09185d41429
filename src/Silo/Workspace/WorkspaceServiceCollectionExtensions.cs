using Cockpit.Storage.Workspace;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cockpit.Silo.Workspace;

public static class WorkspaceServiceCollectionExtensions
{
    /// <summary>
    /// Registers job workspaces and uploads: <see cref="WorkspaceOptions"/>, <see cref="UploadOptions"/>,
    /// <see cref="WorkspacePaths"/>, <see cref="WorkspaceReader"/>, <see cref="DocumentSetStore"/>, and the
    /// <see cref="WorkspaceWatcher"/> as a hosted service (it publishes through the registered ILiveEventHub).
    /// </summary>
    public static IServiceCollection AddCockpitWorkspace(this IServiceCollection services, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(config);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSettings<WorkspaceOptions>(config);
        services.AddSettings<UploadOptions>(config);
        services.AddSingleton<WorkspacePaths>();
        services.AddSingleton<WorkspaceReader>();
        services.AddSingleton<DocumentSetStore>();
        services.AddSingleton<WorkspaceWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkspaceWatcher>());
        return services;
    }
}

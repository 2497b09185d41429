using Cockpit.Commands.Configs;
using Cockpit.Commands.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cockpit.Commands;

public static class JobCommandServiceCollectionExtensions
{
    /// <summary>
    /// Registers the command layer every front door calls: <see cref="IJobCommands"/> (as <see cref="JobCommandService"/>)
    /// and the <see cref="ConfigCatalog"/> (CONFIG_DIR, see <see cref="ConfigDirectory.Resolve"/>). Needs the workspace
    /// services (DocumentSetStore) and an <see cref="IHostEnvironment"/> (the content root CONFIG_DIR is relative to).
    /// </summary>
    public static IServiceCollection AddJobCommands(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IJobCommands, JobCommandService>();
        services.AddSingleton(sp => new ConfigCatalog(ConfigDirectory.Resolve(
            configuration[ConfigDirectory.SettingName], sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        return services;
    }
}

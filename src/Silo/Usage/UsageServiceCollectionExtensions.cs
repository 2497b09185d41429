using Cockpit.AgentBridge.Telemetry;
using Cockpit.Commands.Configs;
using Cockpit.Grains.Budgets;
using Cockpit.Storage.Usage;

namespace Cockpit.Silo.Usage;

/// <summary>LLM prices (config/prices.yaml, reloaded on change) for the usage roll-ups and their endpoints; budgets and loops.</summary>
public static class UsageServiceCollectionExtensions
{
    public static IServiceCollection AddCockpitUsage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSettings<PriceFileOptions>(configuration);
        services.AddSingleton(sp =>
        {
            var contentRoot = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var path = sp.GetRequiredService<PriceFileOptions>().Resolve(sp.GetRequiredService<ConfigDirectoryOptions>().Resolve(contentRoot), contentRoot);
            return new PriceBook(path, sp.GetRequiredService<ILogger<PriceBook>>());
        });
        services.AddSingleton<IPriceBook>(sp => sp.GetRequiredService<PriceBook>());
        services.AddHostedService(sp => sp.GetRequiredService<PriceBook>());
        // Budgets and runaway loops: JOB_DEFAULT_MAX_COST_USD (the command layer), LLM_LOOP_* (telemetry ingestion).
        services.AddSettings<BudgetOptions>(configuration);
        services.AddSingleton<JobUsageReports>();
        return services;
    }
}

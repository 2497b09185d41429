using Cockpit.AgentBridge.Telemetry;
using Cockpit.Commands.Configs;
using Cockpit.Grains.Budgets;
using Cockpit.Storage.Usage;

namespace Cockpit.Silo.Usage;

/// <summary>LLM prices (config/prices.yaml, reloaded on change) for the usage roll-ups and their endpoints; budgets and loops.</summary>
public static class UsageServiceCollectionExtensions
{
    /// <summary>
    /// PRICES_FILE: the prices file. Default <c>prices.yaml</c> in the config directory (CONFIG_DIR, see
    /// <see cref="ConfigDirectory.Resolve"/>); its schema <c>prices.schema.json</c> must lie beside it.
    /// </summary>
    public const string PricesFileSetting = "PRICES_FILE";

    public static IServiceCollection AddCockpitUsage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(sp =>
        {
            var contentRoot = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var configured = configuration[PricesFileSetting];
            var path = string.IsNullOrWhiteSpace(configured)
                ? Path.Combine(ConfigDirectory.Resolve(configuration[ConfigDirectory.SettingName], contentRoot), PriceFile.FileName)
                : Path.GetFullPath(configured.Trim(), contentRoot);
            return new PriceBook(path, sp.GetRequiredService<ILogger<PriceBook>>());
        });
        services.AddSingleton<IPriceBook>(sp => sp.GetRequiredService<PriceBook>());
        services.AddHostedService(sp => sp.GetRequiredService<PriceBook>());
        // Budgets and runaway loops: JOB_DEFAULT_MAX_COST_USD (the command layer), LLM_LOOP_* (telemetry ingestion).
        services.AddOptions<BudgetOptions>()
            .Bind(configuration)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<JobUsageReports>();
        return services;
    }
}

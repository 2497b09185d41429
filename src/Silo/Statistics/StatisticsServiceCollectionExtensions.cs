using Cockpit.Silo.Configs;
using Cockpit.Silo.Tables;
using Cockpit.Storage.Statistics;
using Cockpit.Storage.Tables;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Cockpit.Silo.Statistics;

/// <summary>
/// The cockpit's read-only insight features: statistics, job progress with ETA, the database browser and the
/// agent configuration catalog's REST endpoints (the catalog itself is the command layer's).
/// </summary>
public static class StatisticsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="StatisticsQueries"/> with <see cref="StatisticsReader"/> and <see cref="JobProgressReader"/>
    /// (the shapes REST and MCP share), <see cref="TableBrowser"/> (default allow-list) and
    /// <see cref="StatisticsOptions"/> (STUCK_JOB_THRESHOLD_MINUTES, default 60). Needs the storage services
    /// (the <see cref="NpgsqlDataSource"/>). Throws at start-up when a setting is out of range.
    /// </summary>
    public static IServiceCollection AddCockpitStatistics(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddSettings<StatisticsOptions>(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StatisticsQueries>();
        services.AddSingleton<StatisticsReader>();
        services.AddSingleton<JobProgressReader>();
        services.AddSingleton(sp => new TableBrowser(sp.GetRequiredService<NpgsqlDataSource>()));
        return services;
    }

    /// <summary>
    /// Maps <c>/api/stats/{daily,agents,queue,stuck}</c>, <c>/api/jobs/{id}/progress</c>, <c>/api/tables[/{name}]</c>
    /// and <c>/api/configs[/{name}]</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapCockpitStatistics(this IEndpointRouteBuilder app)
    {
        app.MapStatisticsEndpoints();
        app.MapJobProgressEndpoint();
        app.MapTableEndpoints();
        app.MapConfigEndpoints();
        return app;
    }
}

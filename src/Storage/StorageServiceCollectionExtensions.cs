using Cockpit.Grains.Ports;
using Cockpit.Storage.Live;
using Cockpit.Storage.Migrations;
using Cockpit.Storage.ReadModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cockpit.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the PostgreSQL data source, <see cref="DatabaseMigrator"/>, the <see cref="ReadModelProjector"/>
    /// (as itself, as the grains' <see cref="IDomainEventSink"/> and as a hosted service), the read models and the
    /// roll call's <see cref="ISilentAgentFinder"/>, the dispatcher's <see cref="IDispatchSource"/> and the queue figures.
    /// </summary>
    /// <param name="configuration">Configuration holding the optional <c>ReadModel</c> section
    /// (<see cref="ReadModelOptions"/>); null keeps the defaults.</param>
    /// <remarks>
    /// Call it before <c>UseOrleans</c>: hosted services stop in reverse order, so the projector then stops after
    /// the silo and still writes what grains publish while deactivating. Run <see cref="DatabaseMigrator"/>
    /// before the host starts; neither the providers nor the projector create tables.
    /// </remarks>
    public static IServiceCollection AddCockpitStorage(
        this IServiceCollection services,
        string connectionString,
        IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton(sp => new DatabaseMigrator(connectionString, sp.GetService<ILogger<DatabaseMigrator>>()));

        var options = services.AddOptions<ReadModelOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(ReadModelOptions.SectionName));
        }

        options
            .Validate(o => o.BatchSize >= 1, "ReadModel:BatchSize must be at least 1.")
            .Validate(o => o.HeartbeatFlushInterval > TimeSpan.Zero, "ReadModel:HeartbeatFlushInterval must be positive.")
            .Validate(o => o.RetryMaxDelay > TimeSpan.Zero, "ReadModel:RetryMaxDelay must be positive.")
            .ValidateOnStart();

        services.AddSingleton<ReadModelProjector>();
        services.AddSingleton<IDomainEventSink>(sp => sp.GetRequiredService<ReadModelProjector>());
        services.AddHostedService(sp => sp.GetRequiredService<ReadModelProjector>());

        // Live change notices across silos (PostgreSQL LISTEN/NOTIFY), fed from committed read-model batches.
        services.AddSingleton<PostgresLiveEventHub>();
        services.AddSingleton<ILiveEventHub>(sp => sp.GetRequiredService<PostgresLiveEventHub>());
        services.AddHostedService(sp => sp.GetRequiredService<PostgresLiveEventHub>());
        services.AddHostedService<GrainEventsToLiveHub>();

        services.AddSingleton<AgentReadModel>();
        services.AddSingleton<JobReadModel>();
        services.AddSingleton<ISilentAgentFinder, SilentAgentFinder>();
        services.AddSingleton<IDispatchSource, Dispatch.DispatchSource>();
        services.AddSingleton<Dispatch.QueueStatistics>();
        return services;
    }
}

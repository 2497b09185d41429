using Cockpit.Grains.Ports;
using Cockpit.Storage.Live;
using Cockpit.Storage.Migrations;
using Cockpit.Storage.ReadModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Cockpit.Settings;
using Npgsql;

namespace Cockpit.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// DI key of the pool the background writers share: <see cref="ReadModelProjector"/> and the sending half of
    /// <see cref="PostgresLiveEventHub"/>. Their statements change no session state, so the pool skips the
    /// <c>DISCARD ALL</c> Npgsql otherwise sends at every return (one per batch: two thirds of a round trip per queued
    /// job), and prepares their few large statements once per connection instead of parsing and planning each time; a
    /// batch the database refuses discards the pool's connections (<see cref="AutoPreparedBatch"/>).
    /// </summary>
    public const string BackgroundWriterDataSourceKey = "cockpit-background-writers";

    /// <summary>
    /// Registers the PostgreSQL data source, <see cref="DatabaseMigrator"/>, the <see cref="ReadModelProjector"/>
    /// (as itself, as the grains' <see cref="IDomainEventSink"/> and as a hosted service), the read models and the
    /// roll call's <see cref="ISilentAgentFinder"/>, the dispatcher's <see cref="IDispatchSource"/> and the queue figures.
    /// </summary>
    /// <param name="configuration">Configuration holding the optional <c>ReadModel:*</c> settings
    /// (<see cref="ReadModelOptions"/>, checked at start); null keeps the defaults.</param>
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
        services.AddKeyedSingleton(BackgroundWriterDataSourceKey, (_, _) => NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true, MaxAutoPrepare = 16 }.ConnectionString));
        services.AddSingleton(sp => new DatabaseMigrator(connectionString, sp.GetService<ILogger<DatabaseMigrator>>()));

        services.AddSettings<ReadModelOptions>(configuration ?? new ConfigurationBuilder().Build());

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

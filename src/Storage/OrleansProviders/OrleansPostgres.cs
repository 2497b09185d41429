using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Cockpit.Storage.OrleansProviders;

/// <summary>
/// Points Orleans' clustering, grain state and reminders at PostgreSQL through the ADO.NET providers, against
/// the schema created by <see cref="Migrations.DatabaseMigrator"/> (run it before the silo starts).
/// </summary>
public static class OrleansPostgres
{
    /// <summary>Name of the grain storage provider; also registered as the default provider.</summary>
    public const string StorageName = "cockpit";

    /// <summary>ADO.NET invariant the providers use to pick Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>DI key of the data source the Orleans providers share.</summary>
    public const string DataSourceKey = "cockpit-orleans";

    /// <summary>
    /// ADO.NET clustering, grain storage <see cref="StorageName"/> (and default) and reminders on PostgreSQL,
    /// with grain state serialized as System.Text.Json and written in shared round trips (<see cref="GroupCommitGrainStorage"/>).
    /// </summary>
    /// <remarks>
    /// <para>The serializer is fixed here, before any state exists, because switching later makes stored rows
    /// unreadable. System.Text.Json over Orleans' default (Newtonsoft with <c>$type</c> names): smaller, readable
    /// in <c>orleansstorage.payloadbinary</c> with <c>convert_from(payloadbinary, 'UTF8')</c>, and not tied to
    /// .NET type names that a refactoring renames.</para>
    /// <para>Grain keys: the ADO.NET storage folds string keys that parse as hexadecimal numbers onto one row
    /// (<c>"a1"</c> and <c>"0A1"</c> collide). Use GUID keys, or string keys with a non-hex prefix such as
    /// <c>"host:"</c>.</para>
    /// </remarks>
    public static ISiloBuilder UseCockpitPostgres(this ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        // Orleans' times are UTC; a UTC session keeps any implicit timestamp/timestamptz conversion exact, which
        // the defunct-silo cleanup relies on when it matches captured times by equality.
        var orleansConnectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Timezone = "UTC",
            // The providers' statements change no session state, so the DISCARD ALL Npgsql sends when a connection goes
            // back to the pool only costs: about one per grain-state write (ADR 0023). The same few statements run for
            // every write, so they are prepared once per connection instead of parsed and planned each time (a millisecond
            // of PostgreSQL's CPU per dispatched job without). A batch the database refuses discards the pool's
            // connections (AutoPreparedBatch): Npgsql's prepared statements may be out of step after it (npgsql#6391).
            NoResetOnClose = true,
            MaxAutoPrepare = 32,
        }.ConnectionString;

        // A pool of its own, apart from the read model's: a projector backlog must not starve membership
        // heartbeats, or the cluster votes a healthy silo dead. DI owns and disposes it; Orleans does not.
        builder.Services.AddKeyedSingleton(DataSourceKey, (_, _) => NpgsqlDataSource.Create(orleansConnectionString));

        builder.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringSiloOptions> options) =>
            options.Configure<IServiceProvider>((o, services) =>
            {
                o.Invariant = Invariant;
                o.DataSource = services.GetRequiredKeyedService<NpgsqlDataSource>(DataSourceKey);
            }));

        builder.AddAdoNetGrainStorage(StorageName, (OptionsBuilder<AdoNetGrainStorageOptions> options) =>
            options.Configure<IServiceProvider>(ConfigureGrainStorage));
        builder.AddAdoNetGrainStorageAsDefault((OptionsBuilder<AdoNetGrainStorageOptions> options) =>
            options.Configure<IServiceProvider>(ConfigureGrainStorage));
        // Both providers write through the silo's one group commit (ADR 0026); reads and rows stay Orleans' own.
        builder.Services.AddSingleton(services => new GrainStateWriteBatcher(services.GetRequiredKeyedService<NpgsqlDataSource>(DataSourceKey)));
        GroupCommitGrainStorage.Decorate(builder.Services, StorageName);
        GroupCommitGrainStorage.Decorate(builder.Services, Orleans.Providers.ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);

        builder.UseAdoNetReminderService((OptionsBuilder<AdoNetReminderTableOptions> options) =>
            options.Configure<IServiceProvider>((o, services) =>
            {
                o.Invariant = Invariant;
                o.DataSource = services.GetRequiredKeyedService<NpgsqlDataSource>(DataSourceKey);
            }));

        builder.UseSystemTextJsonGrainStorageSerializer();
        KeepDatabaseExceptionsAcrossSilos(builder.Services);
        return builder;
    }

    /// <summary>
    /// Lets Npgsql's exceptions travel from one silo to another as themselves. Orleans serializes exceptions only from
    /// the System, Microsoft and Azure namespaces; any other cannot be sent at all, so a grain that failed to write its
    /// state because the database was down reached a caller on another silo as an unrelated error (a 500), where the
    /// caller should have seen the database failure (a 503: nothing acknowledged, retry).
    /// </summary>
    public static IServiceCollection KeepDatabaseExceptionsAcrossSilos(IServiceCollection services) =>
        services.Configure<Orleans.Serialization.ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));

    private static void ConfigureGrainStorage(AdoNetGrainStorageOptions options, IServiceProvider services)
    {
        options.Invariant = Invariant;
        options.DataSource = services.GetRequiredKeyedService<NpgsqlDataSource>(DataSourceKey);
    }
}

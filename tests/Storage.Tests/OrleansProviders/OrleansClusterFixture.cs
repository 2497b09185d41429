using Cockpit.Storage.OrleansProviders;
using Cockpit.Storage.Tests.Support;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Cockpit.Storage.Tests.OrleansProviders;

/// <summary>
/// Two in-process silos with real ADO.NET membership (not the test cluster's), grain storage and reminders on a
/// freshly migrated database; the client finds the gateways through the same membership table.
/// </summary>
public sealed class OrleansClusterFixture : IAsyncLifetime
{
    /// <summary>A second provider on the same table with DeleteStateOnClear, to exercise DeleteStorageKey.</summary>
    public const string DeletingStorageName = "cockpit-delete";

    // TestClusterBuilder instantiates configurators by type, so the connection string travels in configuration.
    private const string ConnectionStringKey = "CockpitTests:Postgres";

    public MigratedDatabase Database { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();

        var builder = new TestClusterBuilder(2);
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[ConnectionStringKey] = Database.ConnectionString;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();

        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var connectionString = siloBuilder.Configuration[ConnectionStringKey]!;
            siloBuilder.UseCockpitPostgres(connectionString);
            siloBuilder.AddAdoNetGrainStorage(DeletingStorageName, o =>
            {
                o.Invariant = OrleansPostgres.Invariant;
                o.ConnectionString = connectionString;
                o.DeleteStateOnClear = true;
            });
            // The production minimum is a minute; a test cannot wait that long for a tick.
            siloBuilder.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            // Heartbeat rows every 2 s instead of every 30 s, so UpdateIAmAlivetimeKey runs during the tests.
            siloBuilder.Configure<ClusterMembershipOptions>(o => o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2));
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.UseAdoNetClustering(o =>
            {
                o.Invariant = OrleansPostgres.Invariant;
                o.ConnectionString = configuration[ConnectionStringKey];
            });
    }
}

using Cockpit.Storage.Tests.Support;
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

    /// <summary>TestClusterBuilder creates configurators by type, so the connection string travels in configuration.</summary>
    public const string ConnectionStringKey = "CockpitTests:Postgres";

    public MigratedDatabase Database { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();

        var builder = new TestClusterBuilder(2);
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[ConnectionStringKey] = Database.ConnectionString;
        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        builder.AddClientBuilderConfigurator<TestClientConfigurator>();

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
}

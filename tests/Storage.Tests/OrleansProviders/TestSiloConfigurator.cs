using Cockpit.Storage.OrleansProviders;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Cockpit.Storage.Tests.OrleansProviders;

/// <summary>The production provider setup plus what the tests need to see things happen within seconds.</summary>
public sealed class TestSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var connectionString = siloBuilder.Configuration[OrleansClusterFixture.ConnectionStringKey]!;
        siloBuilder.UseCockpitPostgres(connectionString);
        siloBuilder.AddAdoNetGrainStorage(OrleansClusterFixture.DeletingStorageName, o =>
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

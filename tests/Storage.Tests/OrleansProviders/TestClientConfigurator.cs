using Cockpit.Storage.OrleansProviders;
using Microsoft.Extensions.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Cockpit.Storage.Tests.OrleansProviders;

/// <summary>The client finds gateways through the ADO.NET membership table (GatewaysQueryKey).</summary>
public sealed class TestClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.UseAdoNetClustering(o =>
        {
            o.Invariant = OrleansPostgres.Invariant;
            o.ConnectionString = configuration[OrleansClusterFixture.ConnectionStringKey];
        });
}

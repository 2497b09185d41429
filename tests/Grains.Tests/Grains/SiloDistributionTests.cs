using Cockpit.Grains.Tests.Support;
using Shouldly;

namespace Cockpit.Grains.Tests.Grains;

[Collection(CockpitClusterCollection.Name)]
public sealed class SiloDistributionTests(CockpitCluster cluster)
{
    private readonly Fleet _fleet = new(cluster);

    [Fact]
    public async Task Agents_of_a_fleet_are_activated_on_both_silos()
    {
        var agents = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => _fleet.RegisterAsync()));
        var management = cluster.Client.GetGrain<IManagementGrain>(0);

        var silos = new HashSet<SiloAddress>();
        foreach (var agent in agents)
        {
            var address = await management.GetActivationAddress(_fleet.Agent(agent.Id));
            silos.Add(address.ShouldNotBeNull($"agent {agent.Id} is active"));
        }

        cluster.Cluster.Silos.Count.ShouldBe(CockpitCluster.SiloCount);
        silos.Count.ShouldBe(CockpitCluster.SiloCount, "each silo hosts some of the agents");
        silos.ShouldBeSubsetOf(cluster.Cluster.Silos.Select(s => s.SiloAddress));
    }
}

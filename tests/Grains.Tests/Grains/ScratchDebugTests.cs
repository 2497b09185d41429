using Cockpit.Grains.Agents;
using Cockpit.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Cockpit.Grains.Tests.Grains;

[Collection(CockpitClusterCollection.Name)]
public sealed class ScratchDebugTests(CockpitCluster cluster)
{
    private readonly Fleet _fleet = new(cluster);

    [Fact]
    public async Task Scratch()
    {
        var agent = await _fleet.RegisterAsync();
        await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Ready);
        await Dump("after heartbeat", agent.Id);
        await _fleet.Agent(agent.Id).DeregisterAsync();
        await Dump("after deregister", agent.Id);
        await cluster.Cluster.WaitForDeactivationAsync(_fleet.Agent(agent.Id));
        await Dump("after wait", agent.Id);
        await cluster.Cluster.DeactivateAsync(_fleet.Agent(agent.Id));
        await Dump("after deactivate", agent.Id);
        Console.WriteLine($"DEBUG get={await _fleet.Agent(agent.Id).GetAsync()}");
    }

    private async Task Dump(string when, Guid id)
    {
        var sp = cluster.Cluster.GetSiloServiceProvider(cluster.Cluster.Silos[0].SiloAddress);
        var storage = sp.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
        var state = new GrainState<AgentState>(new AgentState());
        await storage.ReadStateAsync("agent", _fleet.Agent(id).GetGrainId(), state);
        Console.WriteLine($"DEBUG {when}: {storage.GetType().Name} exists={state.RecordExists} reg={state.State?.Registered} version={state.State?.Version} etag={state.ETag}");
    }
}

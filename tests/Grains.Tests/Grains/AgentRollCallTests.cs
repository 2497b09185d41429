using Cockpit.Grains.Agents;
using Cockpit.Grains.Events;
using Cockpit.Grains.Tests.Support;
using Orleans.Core.Internal;
using Shouldly;

namespace Cockpit.Grains.Tests.Grains;

/// <summary>
/// The cluster's roll call (ADR 0009) for agents no silo watches: their grain is gone, as after its silo died. A
/// deactivated grain stands in for the lost one; the read model's answer is scripted (<see cref="ScriptedSilentAgentFinder"/>).
/// </summary>
[Collection(CockpitClusterCollection.Name)]
public sealed class AgentRollCallTests(CockpitCluster cluster)
{
    private readonly Fleet _fleet = new(cluster);

    private IAgentRollCallGrain RollCall => _fleet.Grains.GetGrain<IAgentRollCallGrain>(IAgentRollCallGrain.Key);

    [Fact]
    public async Task A_silent_agent_whose_grain_is_gone_goes_offline_counting_from_the_read_models_last_heartbeat()
    {
        var agent = await _fleet.ReadyAgentAsync();
        cluster.ReadModel.Says(agent.Id, agent.LastHeartbeat);
        try
        {
            // Gone from its silo, so no sweep watches it; the roll call finds it once the read model's silence is past the grace.
            await _fleet.Agent(agent.Id).Cast<IGrainManagementExtension>().DeactivateOnIdle();
            await Poll.UntilAsync(async () => await RollCall.CallAsync() > 0, "the roll call to find the agent");
            var revived = DateTimeOffset.UtcNow;

            var offline = await _fleet.Events.WaitForAgentAsync(agent.Id, e => e.Agent.Status == AgentStatus.Offline, "offline");
            offline.PreviousStatus.ShouldBe(AgentStatus.Ready);
            offline.Cause.ShouldStartWith("offline: no heartbeat for");
            // Never counted from earlier than the agent could have been heard: the read model's time plus one interval.
            (offline.At - agent.LastHeartbeat).ShouldBeGreaterThanOrEqualTo(CockpitCluster.OfflineAfter + CockpitCluster.HeartbeatInterval);
            // Nor from the call that brought the grain back: that would have given the agent a whole new grace.
            (offline.At - revived).ShouldBeLessThan(CockpitCluster.OfflineAfter);
        }
        finally
        {
            cluster.ReadModel.Forget(agent.Id);
        }
    }

    [Fact]
    public async Task A_deregistered_agent_the_roll_call_still_finds_has_its_deletion_published_again()
    {
        // The read model still lists it, so its deletion was lost with a silo: the roll call heals the row.
        var agent = await _fleet.ReadyAgentAsync();
        await _fleet.Agent(agent.Id).DeregisterAsync();
        var deleted = _fleet.Events.AgentEvents(agent.Id).Single(e => e.Deleted);

        await _fleet.Agent(agent.Id).RollCallAsync(agent.LastHeartbeat);

        var deletions = _fleet.Events.AgentEvents(agent.Id).Where(e => e.Deleted).ToList();
        deletions.Count.ShouldBe(2);
        deletions[1].Agent.Version.ShouldBe(deleted.Agent.Version, "the same deletion, which the read model applies once");
        (await _fleet.Agent(agent.Id).GetAsync()).ShouldBeNull("still deregistered");

        // An agent that never registered has nothing to delete, and a registered one is not deleted by a roll call.
        var stranger = Guid.NewGuid();
        await _fleet.Agent(stranger).RollCallAsync(DateTimeOffset.UtcNow);
        _fleet.Events.AgentEvents(stranger).ShouldBeEmpty();
        var live = await _fleet.ReadyAgentAsync();
        await _fleet.Agent(live.Id).RollCallAsync(live.LastHeartbeat);
        _fleet.Events.AgentEvents(live.Id).ShouldNotContain(e => e.Deleted);
    }

    [Fact]
    public async Task An_agent_its_grain_has_heard_is_not_marked_offline_by_an_older_read_model()
    {
        var agent = await _fleet.ReadyAgentAsync();
        cluster.ReadModel.Says(agent.Id, agent.LastHeartbeat - TimeSpan.FromHours(1));
        try
        {
            // Heartbeats that change nothing are not written, so the grain's stored record ages past the grace too:
            // only what this activation heard tells that the agent is alive.
            await Poll.UntilAsync(async () =>
            {
                await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Ready);
                return DateTimeOffset.UtcNow - agent.LastHeartbeat > CockpitCluster.OfflineAfter * 1.5;
            }, "the agent's record to age past the grace while it keeps heartbeating");

            (await RollCall.CallAsync()).ShouldBe(1);

            (await _fleet.Agent(agent.Id).GetAsync()).ShouldNotBeNull().Status.ShouldBe(AgentStatus.Ready);
            _fleet.Events.AgentEvents(agent.Id).ShouldNotContain(e => e.Agent.Status == AgentStatus.Offline);
        }
        finally
        {
            cluster.ReadModel.Forget(agent.Id);
        }
    }
}

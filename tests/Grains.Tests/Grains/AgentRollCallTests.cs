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
    public async Task A_silent_agent_whose_grain_is_gone_goes_offline_at_the_first_roll_call_that_finds_it()
    {
        var agent = await _fleet.ReadyAgentAsync();
        cluster.ReadModel.Says(agent.Id, agent.LastHeartbeat);
        try
        {
            // Gone from its silo, so no sweep watches it; the roll call finds it once the read model's silence is past the grace.
            await _fleet.Agent(agent.Id).Cast<IGrainManagementExtension>().DeactivateOnIdle();
            var asked = 0;
            await Poll.UntilAsync(async () => (asked = await RollCall.CallAsync()) > 0, "the roll call to find the agent");

            // The call brought the grain back; it counted the silence from the read model's last heartbeat, not from its
            // own start (that would give it a whole new grace), so the first call that found the agent was enough.
            asked.ShouldBe(1);
            var offline = _fleet.Events.AgentEvents(agent.Id).Where(e => e.Agent.Status == AgentStatus.Offline).ShouldHaveSingleItem();
            offline.PreviousStatus.ShouldBe(AgentStatus.Ready);
            offline.Cause.ShouldStartWith("offline: no heartbeat for");
            (offline.At - agent.LastHeartbeat).ShouldBeGreaterThanOrEqualTo(CockpitCluster.OfflineAfter);
        }
        finally
        {
            cluster.ReadModel.Forget(agent.Id);
        }
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

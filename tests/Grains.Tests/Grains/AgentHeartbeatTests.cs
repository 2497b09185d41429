using Cockpit.Grains.Agents;
using Cockpit.Grains.Tests.Support;
using Shouldly;

namespace Cockpit.Grains.Tests.Grains;

[Collection(CockpitClusterCollection.Name)]
public sealed class AgentHeartbeatTests(CockpitCluster cluster)
{
    private readonly Fleet _fleet = new(cluster);

    [Fact]
    public async Task Ready_heartbeat_makes_a_booting_agent_ready_and_says_so()
    {
        var agent = await _fleet.RegisterAsync();

        var ready = await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Ready);

        ready.Status.ShouldBe(AgentStatus.Ready);
        ready.MetricsJson.ShouldBe("""{"memory_mb":128}""");
        (await _fleet.Agent(agent.Id).GetAsync()).ShouldNotBeNull().Status.ShouldBe(AgentStatus.Ready);
        var changed = await _fleet.Events.WaitForAgentAsync(agent.Id, e => e.Agent.Status == AgentStatus.Ready, "ready");
        changed.PreviousStatus.ShouldBe(AgentStatus.Booting);
        changed.Cause.ShouldBe("heartbeat: ready");
    }

    [Fact]
    public async Task Heartbeat_from_an_unknown_agent_returns_null()
    {
        var unknown = await _fleet.Agent(Guid.NewGuid())
            .HeartbeatAsync(new HeartbeatInfo(AgentStatus.Ready, null, null, null, null, null));

        unknown.ShouldBeNull();
    }

    [Fact]
    public async Task Heartbeat_that_changes_only_the_time_is_reported_as_seen_and_publishes_no_change()
    {
        var agent = await _fleet.ReadyAgentAsync();
        var changesBefore = _fleet.Events.AgentEvents(agent.Id).Count;
        var seenBefore = _fleet.Events.HeartbeatsSeen(agent.Id);

        var again = await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Ready);

        again.Version.ShouldBe(agent.Version);
        again.LastHeartbeat.ShouldBeGreaterThanOrEqualTo(agent.LastHeartbeat);
        _fleet.Events.HeartbeatsSeen(agent.Id).ShouldBe(seenBefore + 1);
        _fleet.Events.AgentEvents(agent.Id).Count.ShouldBe(changesBefore);
    }

    [Fact]
    public async Task Heartbeat_reporting_offline_is_rejected_because_only_the_cockpit_decides_that()
    {
        var agent = await _fleet.RegisterAsync();

        await Should.ThrowAsync<ArgumentException>(() =>
            _fleet.Agent(agent.Id).HeartbeatAsync(new HeartbeatInfo(AgentStatus.Offline, null, null, null, null, null)));
        (await _fleet.Agent(agent.Id).GetAsync()).ShouldNotBeNull().Status.ShouldBe(AgentStatus.Booting);
    }
}

using Cockpit.Grains.Agents;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Tests.Support;
using Shouldly;

namespace Cockpit.Grains.Tests.Grains;

/// <summary>Silence detection with <see cref="CockpitCluster.OfflineAfter"/> instead of the seed's three minutes.</summary>
[Collection(CockpitClusterCollection.Name)]
public sealed class AgentLivenessTests(CockpitCluster cluster)
{
    private static readonly TimeSpan OfflineDeadline = CockpitCluster.OfflineAfter * 4;

    private readonly Fleet _fleet = new(cluster);

    [Fact]
    public async Task Working_agent_that_stops_heartbeating_goes_offline_and_its_job_fails_saying_so()
    {
        var (agent, job) = await _fleet.RunningJobAsync();

        var offline = await _fleet.Events.WaitForAsync<Events.AgentChanged>(
            e => e.Agent.Id == agent.Id && e.Agent.Status == AgentStatus.Offline, "agent offline", OfflineDeadline);

        offline.PreviousStatus.ShouldBe(AgentStatus.Working);
        offline.Cause.ShouldStartWith("offline");
        offline.Agent.CurrentJobId.ShouldBeNull();
        (offline.At - agent.LastHeartbeat).ShouldBeGreaterThanOrEqualTo(CockpitCluster.OfflineAfter);
        var failed = await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Status == JobStatus.Failed, "failed");
        failed.PreviousStatus.ShouldBe(JobStatus.Processing);
        failed.Job.ErrorMessage.ShouldNotBeNull().ShouldContain("offline");
        failed.Job.CompletedAt.ShouldNotBeNull();
        (await _fleet.Job(job.Id).GetAsync()).ShouldNotBeNull().Status.ShouldBe(JobStatus.Failed);
    }

    [Fact]
    public async Task Offline_agent_comes_back_in_the_status_its_next_heartbeat_reports()
    {
        var agent = await _fleet.ReadyAgentAsync();
        await _fleet.Events.WaitForAsync<Events.AgentChanged>(
            e => e.Agent.Id == agent.Id && e.Agent.Status == AgentStatus.Offline, "agent offline", OfflineDeadline);

        var back = await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Ready);

        back.Status.ShouldBe(AgentStatus.Ready);
        var changed = await _fleet.Events.WaitForAgentAsync(agent.Id,
            e => e.PreviousStatus == AgentStatus.Offline && e.Agent.Status == AgentStatus.Ready, "back from offline");
        changed.Cause.ShouldBe("heartbeat: ready");
    }
}

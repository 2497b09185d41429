using Cockpit.Grains.Agents;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Ports;
using Cockpit.Grains.Tests.Support;
using Shouldly;

namespace Cockpit.Grains.Tests.Grains;

/// <summary>Read models apply a snapshot only when it is newer, so every entity's events must carry growing versions.</summary>
[Collection(CockpitClusterCollection.Name)]
public sealed class EventVersionTests(CockpitCluster cluster)
{
    private readonly Fleet _fleet = new(cluster);

    private static void ShouldBeStrictlyIncreasing(IReadOnlyList<long> versions, string entity)
    {
        versions.Count.ShouldBeGreaterThan(1, entity);
        for (var i = 1; i < versions.Count; i++)
        {
            versions[i].ShouldBeGreaterThan(versions[i - 1], $"{entity}: versions {string.Join(", ", versions)}");
        }
    }

    [Fact]
    public async Task Agent_and_job_events_carry_strictly_increasing_versions_that_end_at_the_stored_version()
    {
        var agent = await _fleet.ReadyAgentAsync();
        _fleet.Pods.Script(agent.PodIp, PodCommandOutcome.Unreachable);
        var job = await _fleet.CreateJobAsync();
        (await _fleet.Job(job.Id).AssignAsync(agent.Id)).Status.ShouldBe(CommandStatus.AgentUnreachable);
        _fleet.Pods.Script(agent.PodIp, PodCommandOutcome.Accepted);
        (await _fleet.Job(job.Id).AssignAsync(agent.Id)).Status.ShouldBe(CommandStatus.Ok);
        await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Working, job.Id,
            progress: new JobProgress(5, 1, "started", DateTimeOffset.UtcNow));
        await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Progress is not null, "progress");
        await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Completed, job.Id);
        await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Status == JobStatus.Completed, "completed");
        await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Ready);

        var agentVersions = _fleet.Events.AgentEvents(agent.Id).Select(e => e.Agent.Version).ToList();
        var jobVersions = _fleet.Events.JobEvents(job.Id).Select(e => e.Job.Version).ToList();

        ShouldBeStrictlyIncreasing(agentVersions, "agent");
        ShouldBeStrictlyIncreasing(jobVersions, "job");
        agentVersions.Count.ShouldBe(5, "registered, ready, working, completed, ready");
        jobVersions.Count.ShouldBe(5, "created, push failed, processing, progress, completed");
        agentVersions[^1].ShouldBe((await _fleet.Agent(agent.Id).GetAsync()).ShouldNotBeNull().Version);
        jobVersions[^1].ShouldBe((await _fleet.Job(job.Id).GetAsync()).ShouldNotBeNull().Version);
    }

    [Fact]
    public async Task Agent_registering_again_after_deregistering_continues_past_the_deletions_version()
    {
        var hostname = Fleet.NewHostname();
        var agent = await _fleet.RegisterAsync(hostname, Fleet.NewPodIp());
        await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Ready);
        (await _fleet.Agent(agent.Id).DeregisterAsync()).ShouldNotBeNull();
        var deleted = await _fleet.Events.WaitForAgentAsync(agent.Id, e => e.Deleted, "deleted");
        // A restarted pod registers long after the grain deactivated: the new activation reads what was stored.
        await cluster.Cluster.DeactivateAsync(_fleet.Agent(agent.Id));

        var again = await _fleet.RegisterAsync(hostname, Fleet.NewPodIp());

        again.Id.ShouldBe(agent.Id, "the registry keeps the hostname's id");
        again.Version.ShouldBeGreaterThan(deleted.Agent.Version,
            "a read model that keeps the deletion's version would ignore the agent's new record");
    }
}

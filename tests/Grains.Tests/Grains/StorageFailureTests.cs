using Cockpit.Grains.Agents;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Tests.Support;
using Shouldly;

namespace Cockpit.Grains.Tests.Grains;

/// <summary>
/// A command refused because a grain could not write its state changes nothing, even when the pod had already
/// accepted the job: the pod is told to drop it again, and the refusal reaches the caller.
/// </summary>
[Collection(CockpitClusterCollection.Name)]
public sealed class StorageFailureTests(CockpitCluster cluster)
{
    private readonly Fleet _fleet = new(cluster);

    [Fact]
    public async Task An_assign_whose_agent_record_cannot_be_written_fails_and_the_pod_drops_the_job()
    {
        var agent = await _fleet.ReadyAgentAsync();
        var job = await _fleet.CreateJobAsync();
        cluster.StorageFaults.FailWritesOf(agent.Id);

        try
        {
            // Orleans wraps the storage's exception; the caller (the HTTP layer) looks inside it.
            (await Should.ThrowAsync<OrleansException>(() => _fleet.Job(job.Id).AssignAsync(agent.Id))).InnerException.ShouldBeOfType<TimeoutException>();
        }
        finally
        {
            cluster.StorageFaults.Heal(agent.Id);
        }

        _fleet.Pods.CommandsTo(agent.PodIp).Select(c => (c.Kind, c.JobId)).ShouldBe([(PodCommandKind.Start, job.Id), (PodCommandKind.Cancel, job.Id)]);
        (await _fleet.Job(job.Id).GetAsync()).ShouldBe(job);
        var stored = (await _fleet.Agent(agent.Id).GetAsync()).ShouldNotBeNull();
        stored.Status.ShouldBe(AgentStatus.Ready);
        stored.CurrentJobId.ShouldBeNull();
        stored.Version.ShouldBe(agent.Version);

        // Once the database is back, the same command goes through.
        (await _fleet.Job(job.Id).AssignAsync(agent.Id)).Status.ShouldBe(CommandStatus.Ok);
    }

    [Fact]
    public async Task An_assign_whose_job_record_cannot_be_written_fails_and_the_agent_drops_the_job()
    {
        var agent = await _fleet.ReadyAgentAsync();
        var job = await _fleet.CreateJobAsync();
        cluster.StorageFaults.FailWritesOf(job.Id);

        try
        {
            // Orleans wraps the storage's exception; the caller (the HTTP layer) looks inside it.
            (await Should.ThrowAsync<OrleansException>(() => _fleet.Job(job.Id).AssignAsync(agent.Id))).InnerException.ShouldBeOfType<TimeoutException>();
        }
        finally
        {
            cluster.StorageFaults.Heal(job.Id);
        }

        _fleet.Pods.CommandsTo(agent.PodIp).Select(c => (c.Kind, c.JobId)).ShouldBe([(PodCommandKind.Start, job.Id), (PodCommandKind.Cancel, job.Id)]);
        (await _fleet.Job(job.Id).GetAsync()).ShouldBe(job);

        // The agent's record said "working" for a moment; the pod's next heartbeat (ready, having dropped the job)
        // brings it back, and the job, which never recorded the run, stays as it was.
        (await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Ready)).Status.ShouldBe(AgentStatus.Ready);
        await _fleet.Events.WaitForAgentAsync(agent.Id, e => e.Agent.Status == AgentStatus.Ready && e.Agent.Version > agent.Version, "ready again");
        (await _fleet.Job(job.Id).GetAsync()).ShouldBe(job);
        (await _fleet.Job(job.Id).AssignAsync(agent.Id)).Status.ShouldBe(CommandStatus.Ok);
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("job")]
    public async Task After_a_refused_assign_the_agents_report_of_working_on_the_job_is_not_adopted(string failingRecord)
    {
        var agent = await _fleet.ReadyAgentAsync();
        var job = await _fleet.CreateJobAsync();
        var failing = failingRecord == "agent" ? agent.Id : job.Id;
        cluster.StorageFaults.FailWritesOf(failing);
        try
        {
            await Should.ThrowAsync<OrleansException>(() => _fleet.Job(job.Id).AssignAsync(agent.Id));
        }
        finally
        {
            cluster.StorageFaults.Heal(failing);
        }

        // A heartbeat the pod sent before it dropped the job says it works on it; the report of that is on its way
        // to the job. Adopting it ("assignment recovered") would undo the refusal the caller heard.
        await _fleet.Job(job.Id).OnAgentWorkingAsync(agent.Id);

        (await _fleet.Job(job.Id).GetAsync()).ShouldBe(job);
        // The pod, having dropped the job, says ready; then the job can be assigned again.
        (await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Ready)).Status.ShouldBe(AgentStatus.Ready);
        (await _fleet.Job(job.Id).AssignAsync(agent.Id)).Status.ShouldBe(CommandStatus.Ok);
    }

    [Fact]
    public async Task An_outcome_the_job_could_not_record_is_sent_again_until_it_is()
    {
        var (agent, job) = await _fleet.RunningJobAsync();
        cluster.StorageFaults.FailWritesOf(job.Id);
        try
        {
            // The agent's side is written (the pod hears "ok"), the job's write fails: the outcome must not be lost.
            (await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Completed, job.Id)).Status.ShouldBe(AgentStatus.Completed);
            await _fleet.Events.WaitForAgentAsync(agent.Id, e => e.Agent.Status == AgentStatus.Completed, "completed");
            (await _fleet.Job(job.Id).GetAsync()).ShouldNotBeNull().Status.ShouldBe(JobStatus.Processing);
        }
        finally
        {
            cluster.StorageFaults.Heal(job.Id);
        }

        var completed = await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Status == JobStatus.Completed, "completed once the job can write");
        completed.Cause.ShouldContain("completed");
        (await _fleet.Job(job.Id).GetAsync()).ShouldNotBeNull().Status.ShouldBe(JobStatus.Completed);
    }

    [Fact]
    public async Task Progress_the_job_missed_reaches_it_when_the_agent_repeats_it_after_a_while()
    {
        var (agent, job) = await _fleet.RunningJobAsync();
        var at = DateTimeOffset.UtcNow;
        var progress = new JobProgress(10, 3, "three of ten", at);
        cluster.StorageFaults.FailWritesOf(job.Id);
        try
        {
            // Progress travels one-way: the failed write is heard by nobody, as when the job's silo dies.
            await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Working, job.Id, progress: progress);
            await Poll.UntilAsync(() => cluster.StorageFaults.FailedWrites(job.Id) > 0, "the job's write of the progress to fail");
        }
        finally
        {
            cluster.StorageFaults.Heal(job.Id);
        }

        // The same count, reported a silence-check interval later, is sent again.
        await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Working, job.Id,
            progress: progress with { ReportedAt = at + CockpitCluster.SilenceCheckInterval });
        var updated = await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Progress?.ProcessedRequirements == 3, "the progress recorded");
        updated.Job.Progress!.Message.ShouldBe("three of ten");
    }
}

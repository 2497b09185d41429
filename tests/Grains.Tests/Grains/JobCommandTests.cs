using Cockpit.Grains.Agents;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Tests.Support;
using Shouldly;

namespace Cockpit.Grains.Tests.Grains;

/// <summary>Cancel, resume and delete, as people issue them.</summary>
[Collection(CockpitClusterCollection.Name)]
public sealed class JobCommandTests(CockpitCluster cluster)
{
    private readonly Fleet _fleet = new(cluster);

    private async Task<JobSnapshot> CompletedJobAsync()
    {
        var (agent, job) = await _fleet.RunningJobAsync();
        await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Completed, job.Id);
        var completed = await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Status == JobStatus.Completed, "completed");
        return completed.Job;
    }

    [Fact]
    public async Task Cancelling_a_processing_job_cancels_it_and_tells_the_pod()
    {
        var (agent, job) = await _fleet.RunningJobAsync();

        var cancelled = await _fleet.Job(job.Id).CancelAsync();

        cancelled.Status.ShouldBe(CommandStatus.Ok, cancelled.Error);
        cancelled.Value.ShouldNotBeNull().Status.ShouldBe(JobStatus.Cancelled);
        cancelled.Value.ErrorMessage.ShouldBeNull();
        _fleet.Pods.CommandsTo(agent.PodIp).Where(c => c.Kind == PodCommandKind.Cancel)
            .ShouldHaveSingleItem().JobId.ShouldBe(job.Id);
        (await _fleet.Agent(agent.Id).GetAsync()).ShouldNotBeNull().Status
            .ShouldBe(AgentStatus.Working, "the agent stays working until its heartbeat says it saved its state");
    }

    [Fact]
    public async Task A_ready_heartbeat_right_after_a_cancel_makes_the_agent_ready_although_no_heartbeat_named_the_job()
    {
        var (agent, job) = await _fleet.RunningJobAsync();
        (await _fleet.Job(job.Id).CancelAsync()).Status.ShouldBe(CommandStatus.Ok);

        // Within the job-confirmation grace a job-less "ready" would be taken as stale; after an accepted cancel it is not.
        (await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Ready)).Status.ShouldBe(AgentStatus.Ready);
        (await _fleet.Agent(agent.Id).GetAsync()).ShouldNotBeNull().CurrentJobId.ShouldBeNull();
        (await _fleet.Job(job.Id).GetAsync()).ShouldNotBeNull().Status.ShouldBe(JobStatus.Cancelled);
    }

    [Fact]
    public async Task Cancelling_a_created_job_cancels_it_without_any_push()
    {
        var job = await _fleet.CreateJobAsync();

        var cancelled = await _fleet.Job(job.Id).CancelAsync();

        cancelled.Value.ShouldNotBeNull().Status.ShouldBe(JobStatus.Cancelled);
    }

    [Fact]
    public async Task Cancelling_a_finished_job_is_a_conflict()
    {
        var job = await CompletedJobAsync();

        var cancelled = await _fleet.Job(job.Id).CancelAsync();

        cancelled.Status.ShouldBe(CommandStatus.Conflict);
        cancelled.Error.ShouldNotBeNull().ShouldContain("completed");
        (await _fleet.Job(job.Id).GetAsync()).ShouldNotBeNull().Status.ShouldBe(JobStatus.Completed);
    }

    [Fact]
    public async Task Resuming_a_cancelled_job_on_a_ready_agent_processes_it_and_tells_that_pod()
    {
        var (_, job) = await _fleet.RunningJobAsync();
        (await _fleet.Job(job.Id).CancelAsync()).Status.ShouldBe(CommandStatus.Ok);
        var other = await _fleet.ReadyAgentAsync();

        var resumed = await _fleet.Job(job.Id).ResumeAsync(other.Id);

        resumed.Status.ShouldBe(CommandStatus.Ok, resumed.Error);
        var processing = resumed.Value.ShouldNotBeNull();
        processing.Status.ShouldBe(JobStatus.Processing);
        processing.AssignedAgentId.ShouldBe(other.Id);
        var push = _fleet.Pods.CommandsTo(other.PodIp).ShouldHaveSingleItem();
        push.Kind.ShouldBe(PodCommandKind.Resume);
        push.JobId.ShouldBe(job.Id);
        (await _fleet.Agent(other.Id).GetAsync()).ShouldNotBeNull().CurrentJobId.ShouldBe(job.Id);
    }

    [Fact]
    public async Task Resuming_a_failed_job_without_naming_an_agent_resumes_it_where_it_ran()
    {
        var (agent, job) = await _fleet.RunningJobAsync();
        var progress = new JobProgress(10, 3, "halfway", DateTimeOffset.UtcNow);
        await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Working, job.Id, progress: progress);
        await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Progress is not null, "progress");
        await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Failed, job.Id, errorMessage: "tool crashed");
        await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Status == JobStatus.Failed, "failed");
        await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Ready);

        var resumed = await _fleet.Job(job.Id).ResumeAsync(null);

        resumed.Status.ShouldBe(CommandStatus.Ok, resumed.Error);
        var processing = resumed.Value.ShouldNotBeNull();
        processing.Status.ShouldBe(JobStatus.Processing);
        processing.ErrorMessage.ShouldBeNull();
        processing.CompletedAt.ShouldBeNull();
        processing.Progress.ShouldBe(progress, "a resume continues from the checkpoint, so progress is kept");
        _fleet.Pods.CommandsTo(agent.PodIp)[^1].Kind.ShouldBe(PodCommandKind.Resume);
    }

    [Fact]
    public async Task Resuming_a_created_job_is_a_conflict_and_pushes_nothing()
    {
        var agent = await _fleet.ReadyAgentAsync();
        var job = await _fleet.CreateJobAsync();

        var resumed = await _fleet.Job(job.Id).ResumeAsync(agent.Id);

        resumed.Status.ShouldBe(CommandStatus.Conflict);
        (await _fleet.Job(job.Id).GetAsync()).ShouldBe(job);
        _fleet.Pods.CommandsTo(agent.PodIp).ShouldBeEmpty();
    }

    [Fact]
    public async Task Deleting_a_processing_job_is_a_conflict()
    {
        var (_, job) = await _fleet.RunningJobAsync();

        var deleted = await _fleet.Job(job.Id).DeleteAsync();

        deleted.Status.ShouldBe(CommandStatus.Conflict);
        deleted.Error.ShouldNotBeNull().ShouldContain("cancel it");
        (await _fleet.Job(job.Id).GetAsync()).ShouldNotBeNull().Status.ShouldBe(JobStatus.Processing);
    }

    [Fact]
    public async Task Deleting_a_cancelled_job_forgets_it_and_publishes_a_deleted_event()
    {
        var (_, job) = await _fleet.RunningJobAsync();
        var cancelled = (await _fleet.Job(job.Id).CancelAsync()).Value.ShouldNotBeNull();

        var deleted = await _fleet.Job(job.Id).DeleteAsync();

        deleted.Status.ShouldBe(CommandStatus.Ok, deleted.Error);
        deleted.Value.ShouldNotBeNull().Status.ShouldBe(JobStatus.Cancelled);
        (await _fleet.Job(job.Id).GetAsync()).ShouldBeNull();
        var gone = await _fleet.Events.WaitForJobAsync(job.Id, e => e.Deleted, "deleted");
        gone.Job.Version.ShouldBeGreaterThan(cancelled.Version);
    }
}

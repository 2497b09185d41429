using Cockpit.Grains;
using Cockpit.Grains.Agents;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Tests.Support;
using Shouldly;

namespace Cockpit.Grains.Tests.Grains;

/// <summary>What an agent's heartbeats do to the job it works on.</summary>
[Collection(CockpitClusterCollection.Name)]
public sealed class JobOutcomeTests(CockpitCluster cluster)
{
    private readonly Fleet _fleet = new(cluster);

    [Fact]
    public async Task Completed_heartbeat_completes_the_job_with_a_completion_time()
    {
        var (agent, job) = await _fleet.RunningJobAsync();

        var reported = await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Completed, job.Id);

        reported.Status.ShouldBe(AgentStatus.Completed);
        var completed = await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Status == JobStatus.Completed, "completed");
        completed.PreviousStatus.ShouldBe(JobStatus.Processing);
        completed.Job.CompletedAt.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(job.UpdatedAt);
        completed.Job.ErrorMessage.ShouldBeNull();
        var stored = (await _fleet.Job(job.Id).GetAsync()).ShouldNotBeNull();
        stored.Status.ShouldBe(JobStatus.Completed);
        stored.CompletedAt.ShouldBe(completed.Job.CompletedAt);
    }

    [Fact]
    public async Task A_job_that_lost_its_assignment_with_its_silo_is_recovered_when_its_agent_reports_working_on_it()
    {
        // The pod took the job, but the silo hosting the job's grain died before the job wrote it down: the job says
        // created while its agent works on it. The agent's heartbeat naming the job puts the record right.
        var agent = await _fleet.ReadyAgentAsync();
        var job = await _fleet.CreateJobAsync();

        await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Working, job.Id);

        var recovered = await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Status == JobStatus.Processing, "processing");
        recovered.PreviousStatus.ShouldBe(JobStatus.Created);
        recovered.Cause.ShouldContain("assignment recovered");
        recovered.Job.AssignedAgentId.ShouldBe(agent.Id);

        await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Completed, job.Id);
        await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Status == JobStatus.Completed, "completed after recovery");
    }

    [Fact]
    public async Task An_agent_reporting_work_on_a_job_that_runs_elsewhere_or_was_cancelled_changes_neither()
    {
        var (owner, running) = await _fleet.RunningJobAsync();
        var cancelled = await _fleet.CreateJobAsync();
        (await _fleet.Job(cancelled.Id).CancelAsync()).Status.ShouldBe(CommandStatus.Ok);
        var other = await _fleet.ReadyAgentAsync();
        var third = await _fleet.ReadyAgentAsync();

        await _fleet.HeartbeatAsync(other.Id, AgentStatus.Working, running.Id);
        await _fleet.HeartbeatAsync(third.Id, AgentStatus.Working, cancelled.Id);
        // A later change of each job, so that anything the reports caused would have been published before it.
        await _fleet.HeartbeatAsync(owner.Id, AgentStatus.Completed, running.Id);
        await _fleet.Events.WaitForJobAsync(running.Id, e => e.Job.Status == JobStatus.Completed, "completed by its owner");

        var stillCancelled = (await _fleet.Job(cancelled.Id).GetAsync()).ShouldNotBeNull();
        stillCancelled.Status.ShouldBe(JobStatus.Cancelled);
        stillCancelled.AssignedAgentId.ShouldBeNull();
        var completed = (await _fleet.Job(running.Id).GetAsync()).ShouldNotBeNull();
        completed.AssignedAgentId.ShouldBe(owner.Id);
    }

    [Fact]
    public async Task Failed_heartbeat_fails_the_job_with_the_agents_error()
    {
        var (agent, job) = await _fleet.RunningJobAsync();

        await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Failed, job.Id, errorMessage: "LLM quota exhausted");

        var failed = await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Status == JobStatus.Failed, "failed");
        failed.Job.ErrorMessage.ShouldBe("LLM quota exhausted");
        failed.Job.CompletedAt.ShouldNotBeNull();
        (await _fleet.Job(job.Id).GetAsync()).ShouldNotBeNull().ErrorMessage.ShouldBe("LLM quota exhausted");
    }

    [Fact]
    public async Task Progress_in_a_working_heartbeat_updates_the_jobs_progress()
    {
        var (agent, job) = await _fleet.RunningJobAsync();
        var progress = new JobProgress(40, 10, "validating requirements", DateTimeOffset.UtcNow);

        await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Working, job.Id, progress: progress);

        var updated = await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Progress is not null, "progress");
        updated.Job.Progress.ShouldBe(progress);
        updated.Job.Status.ShouldBe(JobStatus.Processing);
        (await _fleet.Job(job.Id).GetAsync()).ShouldNotBeNull().Progress.ShouldBe(progress);
    }

    [Fact]
    public async Task Agent_back_to_ready_without_an_outcome_fails_the_job_as_lost()
    {
        var (agent, job) = await _fleet.RunningJobAsync();
        // The agent confirms the job first; only then is a job-less "ready" news rather than a late, stale heartbeat.
        await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Working, job.Id);

        await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Ready);

        var failed = await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Status == JobStatus.Failed, "failed");
        failed.Job.ErrorMessage.ShouldNotBeNull().ShouldContain("without reporting the job's outcome");
    }

    [Fact]
    public async Task A_ready_heartbeat_that_overtook_the_job_push_does_not_lose_the_job()
    {
        var (agent, job) = await _fleet.RunningJobAsync();

        // Sent before the pod took the job, arriving after the push was accepted: stale, so nothing changes.
        var answer = await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Ready);
        answer!.Status.ShouldBe(AgentStatus.Working);
        answer.CurrentJobId.ShouldBe(job.Id);

        await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Completed, job.Id);
        var completed = await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Status == JobStatus.Completed, "completed");
        completed.Job.ErrorMessage.ShouldBeNull();
    }
}

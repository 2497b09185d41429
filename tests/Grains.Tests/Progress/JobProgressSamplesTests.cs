using Cockpit.Grains.Agents;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Jobs.Progress;
using Cockpit.Grains.Tests.Support;
using Shouldly;

namespace Cockpit.Grains.Tests.Progress;

/// <summary>The job grain keeps the recent progress of its current run, and a fresh assignment forgets the old run.</summary>
[Collection(CockpitClusterCollection.Name)]
public sealed class JobProgressSamplesTests(CockpitCluster cluster)
{
    private readonly Fleet _fleet = new(cluster);

    [Fact]
    public async Task Each_progress_report_becomes_a_sample_and_the_snapshot_estimates_from_them()
    {
        var (agent, job) = await _fleet.RunningJobAsync();
        job.ProgressSamples.ShouldNotBeNull().ShouldBeEmpty();

        foreach (var processed in new[] { 2, 4, 6 })
        {
            await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Working, job.Id, progress: new JobProgress(10, processed, null, DateTimeOffset.UtcNow));
            await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Progress?.ProcessedRequirements == processed, $"progress {processed}");
        }

        var stored = (await _fleet.Job(job.Id).GetAsync()).ShouldNotBeNull();
        stored.ProgressSamples.ShouldNotBeNull().Select(s => s.Processed).ShouldBe([2, 4, 6]);
        stored.ProgressSamples.ShouldAllBe(s => s.Total == 10);
        var estimate = stored.EstimateProgress(DateTimeOffset.UtcNow);
        estimate.Percent.ShouldBe(60);
        estimate.Processed.ShouldBe(6);
        estimate.RatePerMinute.ShouldNotBeNull().ShouldBeGreaterThan(0);
        estimate.EtaSeconds.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task The_progress_that_comes_with_the_outcome_is_the_last_sample_and_a_completed_job_is_at_100_percent()
    {
        var (agent, job) = await _fleet.RunningJobAsync();
        await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Working, job.Id, progress: new JobProgress(5, 1, null, DateTimeOffset.UtcNow));
        await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.ProgressSamples is { Count: 1 }, "first sample");

        await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Completed, job.Id, progress: new JobProgress(5, 5, "done", DateTimeOffset.UtcNow));

        var completed = await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Status == JobStatus.Completed, "completed");
        completed.Job.ProgressSamples.ShouldNotBeNull().Select(s => s.Processed).ShouldBe([1, 5]);
        var estimate = completed.Job.EstimateProgress(DateTimeOffset.UtcNow);
        (estimate.Processed, estimate.Total, estimate.Percent, estimate.EtaSeconds).ShouldBe((5, 5, 100.0, 0L));
    }

    [Fact]
    public async Task Assigning_the_job_again_starts_with_no_samples()
    {
        var (agent, job) = await _fleet.RunningJobAsync();
        await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Working, job.Id, progress: new JobProgress(10, 3, null, DateTimeOffset.UtcNow));
        await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.ProgressSamples is { Count: 1 }, "one sample");
        await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Failed, job.Id, errorMessage: "boom");
        await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Status == JobStatus.Failed, "failed");

        var other = await _fleet.ReadyAgentAsync();
        var reassigned = await _fleet.Job(job.Id).AssignAsync(other.Id);

        reassigned.Status.ShouldBe(CommandStatus.Ok, reassigned.Error);
        var running = reassigned.Value.ShouldNotBeNull();
        running.ProgressSamples.ShouldNotBeNull().ShouldBeEmpty();
        running.Progress.ShouldBeNull();
        running.EstimateProgress(DateTimeOffset.UtcNow).ShouldBe(ProgressEstimate.None);
    }

    [Fact]
    public async Task Resuming_starts_the_samples_from_the_last_reported_count()
    {
        var (agent, job) = await _fleet.RunningJobAsync();
        foreach (var processed in new[] { 1, 2 })
        {
            await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Working, job.Id, progress: new JobProgress(8, processed, null, DateTimeOffset.UtcNow));
            await _fleet.Events.WaitForJobAsync(job.Id, e => e.Job.Progress?.ProcessedRequirements == processed, $"progress {processed}");
        }
        (await _fleet.Job(job.Id).CancelAsync()).Status.ShouldBe(CommandStatus.Ok);
        await _fleet.HeartbeatAsync(agent.Id, AgentStatus.Ready);

        var resumed = await _fleet.Job(job.Id).ResumeAsync(agent.Id);

        resumed.Status.ShouldBe(CommandStatus.Ok, resumed.Error);
        var samples = resumed.Value.ShouldNotBeNull().ProgressSamples.ShouldNotBeNull();
        samples.Count.ShouldBe(1);
        samples[0].Processed.ShouldBe(2);
        samples[0].Total.ShouldBe(8);
    }
}

using Cockpit.Grains.Agents;
using Cockpit.Grains.Jobs;
using Cockpit.Storage.ReadModel;
using Cockpit.Storage.Tests.Support;
using Microsoft.Extensions.Options;
using static Cockpit.Storage.Tests.Support.DomainEvents;

namespace Cockpit.Storage.Tests.ReadModel;

/// <summary>The roll call's question to the read model (ADR 0009), asked of rows the real projector wrote.</summary>
public sealed class SilentAgentFinderTests : FreshDatabaseTest
{
    private static readonly DateTimeOffset Cutoff = T0.AddHours(1);

    /// <summary>The read model's write delay, which the finder adds to the time it read.</summary>
    private static readonly TimeSpan Delay = new ReadModelOptions().HeartbeatFlushInterval;

    private static SilentAgentFinder Finder(ProjectorHarness harness) =>
        new(harness.DataSource, Options.Create(new ReadModelOptions()));

    [Fact]
    public async Task Finds_agents_silent_since_the_cutoff_unless_offline_longest_silent_first()
    {
        await using var harness = new ProjectorHarness(Database.ConnectionString);
        await harness.StartAsync();
        var silentLongest = Agent(Guid.NewGuid(), 1, AgentStatus.Ready, lastHeartbeat: T0);
        var silentWorking = Agent(Guid.NewGuid(), 1, AgentStatus.Working, lastHeartbeat: T0.AddMinutes(10));
        var heardAfterCutoff = Agent(Guid.NewGuid(), 1, AgentStatus.Ready, lastHeartbeat: Cutoff.AddSeconds(1));
        var alreadyOffline = Agent(Guid.NewGuid(), 1, AgentStatus.Offline, lastHeartbeat: T0);
        var deregistered = Agent(Guid.NewGuid(), 2, AgentStatus.Offline, lastHeartbeat: T0, deleted: true);
        await harness.PublishAndFlushAsync(silentWorking, heardAfterCutoff, alreadyOffline, silentLongest, deregistered);

        var found = await Finder(harness).FindAsync(Cutoff, 100, CancellationToken.None);

        found.ShouldBe([new SilentAgent(silentLongest.Agent.Id, T0 + Delay), new SilentAgent(silentWorking.Agent.Id, T0.AddMinutes(10) + Delay)]);
    }

    [Fact]
    public async Task Finds_agents_that_may_owe_an_unchanged_processing_job_its_outcome()
    {
        await using var harness = new ProjectorHarness(Database.ConnectionString);
        await harness.StartAsync();
        var recent = Cutoff.AddMinutes(1);
        // Offline while its job still runs: the "lost" report may not have arrived.
        var offline = AgentSnapshot(Guid.NewGuid(), 1, AgentStatus.Offline, lastHeartbeat: T0.AddMinutes(1));
        // Heard lately but on no job, while its job still runs: the outcome may not have arrived.
        var movedOn = AgentSnapshot(Guid.NewGuid(), 1, AgentStatus.Ready, lastHeartbeat: recent);
        // Heard lately and on its job: nothing owed.
        var onIt = AgentSnapshot(Guid.NewGuid(), 1, AgentStatus.Working, lastHeartbeat: recent, currentJobId: Guid.NewGuid());
        // Offline, its job finished: nothing owed.
        var done = AgentSnapshot(Guid.NewGuid(), 1, AgentStatus.Offline, lastHeartbeat: T0);
        var jobs = new[]
        {
            Job(JobSnapshot(Guid.NewGuid(), 1, JobStatus.Processing, assignedAgentId: offline.Id)),
            Job(JobSnapshot(Guid.NewGuid(), 1, JobStatus.Processing, assignedAgentId: movedOn.Id)),
            Job(JobSnapshot(onIt.CurrentJobId!.Value, 1, JobStatus.Processing, assignedAgentId: onIt.Id)),
            Job(JobSnapshot(Guid.NewGuid(), 1, JobStatus.Completed, assignedAgentId: done.Id)),
        };
        await harness.PublishAndFlushAsync([Agent(offline), Agent(movedOn), Agent(onIt), Agent(done), .. jobs]);

        var finder = Finder(harness);
        var found = await finder.FindAsync(Cutoff, 100, CancellationToken.None);
        // A job that changed after the cutoff is left alone: its outcome may be on its way right now.
        var tooEarly = await finder.FindAsync(T0, 100, CancellationToken.None);

        found.ShouldBe([new SilentAgent(offline.Id, T0.AddMinutes(1) + Delay), new SilentAgent(movedOn.Id, recent + Delay)]);
        tooEarly.ShouldBeEmpty();
    }

    [Fact]
    public async Task Returns_at_most_the_limit_longest_silent_first()
    {
        await using var harness = new ProjectorHarness(Database.ConnectionString);
        await harness.StartAsync();
        var agents = Enumerable.Range(0, 5).Select(i => Agent(Guid.NewGuid(), 1, lastHeartbeat: T0.AddMinutes(5 - i))).ToArray();
        await harness.PublishAndFlushAsync(agents);

        var found = await Finder(harness).FindAsync(Cutoff, 2, CancellationToken.None);

        found.Select(a => a.AgentId).ShouldBe([agents[4].Agent.Id, agents[3].Agent.Id]);
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Finder(harness).FindAsync(Cutoff, 0, CancellationToken.None));
    }
}

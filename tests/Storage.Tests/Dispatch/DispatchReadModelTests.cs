using Cockpit.Grains.Agents;
using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Jobs;
using Cockpit.Storage.Dispatch;
using Cockpit.Storage.ReadModel;
using Cockpit.Storage.Tests.Support;
using Microsoft.Extensions.Options;
using static Cockpit.Storage.Tests.Support.DomainEvents;

namespace Cockpit.Storage.Tests.Dispatch;

/// <summary>
/// The dispatch columns (migration 0061) as the real projector writes them, read back by the dispatcher's rebuild
/// (<see cref="DispatchSource"/>), the job reads and the queue figures (<see cref="QueueStatistics"/>).
/// </summary>
public sealed class DispatchReadModelTests : FreshDatabaseTest
{
    private static readonly Dictionary<string, string> Gpu = new() { ["gpu"] = "a100" };

    [Fact]
    public async Task Pending_jobs_come_back_in_dispatch_order_with_their_selector_key_and_backoff_and_running_jobs_with_their_agent()
    {
        await using var harness = new ProjectorHarness(Database.ConnectionString);
        await harness.StartAsync();
        var agent = Guid.NewGuid();
        var low = Queued(Guid.NewGuid(), priority: 0, queuedAt: T0);
        var high = Queued(Guid.NewGuid(), priority: 7, queuedAt: T0.AddMinutes(5), selector: Gpu, key: "tenant-a", notBefore: T0.AddHours(1));
        var running = Queued(Guid.NewGuid(), priority: 0, queuedAt: T0, key: "tenant-a") with
        {
            Status = JobStatus.Processing,
            AssignedAgentId = agent,
        };
        await harness.PublishAndFlushAsync(Job(low), Job(high), Job(running),
            Agent(Guid.NewGuid(), 1, AgentStatus.Ready), Agent(agent, 1, AgentStatus.Working));

        var snapshot = await new DispatchSource(harness.DataSource, Options.Create(new DispatcherOptions())).LoadAsync(CancellationToken.None);

        snapshot.Pending.Select(j => j.Id).ShouldBe([high.Id, low.Id]);
        var first = snapshot.Pending[0];
        (first.Priority, first.ConcurrencyKey, first.NotBefore, first.QueuedAt, first.ConfigName).ShouldBe((7, "tenant-a", T0.AddHours(1), T0.AddMinutes(5), "default"));
        first.Selector.ShouldBe(LabelDictionary.Of(Gpu));
        snapshot.Running.ShouldBe([new DispatchSourceRun(running.Id, "tenant-a", agent)]);
        snapshot.Agents.Count.ShouldBe(2);
        snapshot.Agents.Count(a => a.Idle).ShouldBe(1);
    }

    [Fact]
    public async Task A_jobs_attempts_survive_the_trip_through_the_read_model()
    {
        await using var harness = new ProjectorHarness(Database.ConnectionString);
        await harness.StartAsync();
        var agent = Guid.NewGuid();
        var job = Queued(Guid.NewGuid(), priority: -3, queuedAt: T0, selector: Gpu);
        var dispatch = job.Dispatch! with
        {
            Attempts =
            [
                new JobAttempt(1, agent, T0.AddSeconds(1), T0.AddSeconds(9), AttemptOutcome.TimedOut, "timed out after 8 s"),
                new JobAttempt(2, agent, T0.AddSeconds(20), null, AttemptOutcome.Running, null),
            ],
        };
        await harness.PublishAndFlushAsync(Job(job with { Dispatch = dispatch, Status = JobStatus.Processing, AssignedAgentId = agent }));

        var row = (await new JobReadModel(harness.DataSource).GetAsync(job.Id)).ShouldNotBeNull();

        var read = row.Dispatch.ShouldNotBeNull();
        read.Attempts.ShouldBe(dispatch.Attempts);
        (read.Spec.Mode, read.Spec.Priority, read.QueuedAt).ShouldBe((DispatchMode.Auto, -3, T0));
        LabelDictionary.Of(read.Spec.Selector).ShouldBe(LabelDictionary.Of(Gpu));
    }

    [Fact]
    public async Task The_job_upsert_writes_the_dispatch_columns_of_a_newer_version_only_and_a_job_without_dispatch_keeps_the_defaults()
    {
        await using var harness = new ProjectorHarness(Database.ConnectionString);
        await harness.StartAsync();
        var job = Queued(Guid.NewGuid(), priority: 1, queuedAt: T0, key: "tenant-a");
        var legacy = JobSnapshot(Guid.NewGuid(), 1, JobStatus.Created);
        await harness.PublishAndFlushAsync(Job(job), Job(legacy));

        var raised = job with { Version = 2, Dispatch = job.Dispatch! with { Spec = job.Dispatch.Spec with { Priority = 9, ConcurrencyKey = null } } };
        await harness.PublishAndFlushAsync(Job(raised));
        var stale = job with { Dispatch = job.Dispatch! with { Spec = job.Dispatch.Spec with { Priority = -5 } } };
        await harness.PublishAndFlushAsync(Job(stale));

        var read = (await new JobReadModel(harness.DataSource).GetAsync(job.Id)).ShouldNotBeNull().Dispatch.ShouldNotBeNull();
        (read.Spec.Priority, read.Spec.ConcurrencyKey).ShouldBe((9, (string?)null));
        (await Database.ScalarAsync<string>(
            "SELECT concat_ws('|', dispatch, priority, selector::text, attempts::text, coalesce(max_attempts::text, 'null')) FROM jobs WHERE id = $1",
            legacy.Id)).ShouldBe("manual|0|{}|[]|null");
    }

    [Fact]
    public async Task Queue_figures_count_pending_running_and_idle_agents_per_config_and_any_holds_jobs_without_one()
    {
        await using var harness = new ProjectorHarness(Database.ConnectionString);
        await harness.StartAsync();
        var now = T0.AddMinutes(10);
        await harness.PublishAndFlushAsync(
            Job(Queued(Guid.NewGuid(), 0, T0)),
            Job(Queued(Guid.NewGuid(), 0, T0.AddMinutes(4))),
            Job(Queued(Guid.NewGuid(), 0, T0.AddMinutes(1)) with { ConfigName = null }),
            Agent(Guid.NewGuid(), 1, AgentStatus.Ready),
            Agent(Guid.NewGuid(), 1, AgentStatus.Working));

        var queues = await new QueueStatistics(harness.DataSource).ReadAsync(now);

        queues[0].Name.ShouldBe(QueueStatistics.AnyQueue);
        (queues[0].Pending, queues[0].IdleAgents, queues[0].OldestPendingSeconds).ShouldBe((1L, 1L, 540d));
        var named = queues.Single(q => q.Name == "default");
        (named.Pending, named.IdleAgents, named.Running, named.OldestPendingSeconds).ShouldBe((2L, 1L, 0L, 600d));
    }

    [Fact]
    public async Task A_job_published_for_writing_is_in_the_rebuilds_queue_once_the_wait_completes_and_not_before_the_projector_runs()
    {
        // ADR 0018: a job grain answers a queueing command only after this wait, so that a restart of every silo right
        // after the answer still finds the job in the dispatcher's rebuild.
        await using var harness = new ProjectorHarness(Database.ConnectionString);
        var source = new DispatchSource(harness.DataSource, Options.Create(new DispatcherOptions()));
        var job = Queued(Guid.NewGuid(), priority: 0, queuedAt: T0);

        var written = harness.Projector.PublishWrittenAsync(Job(job, cause: "created and queued for dispatch"), CancellationToken.None);
        written.IsCompleted.ShouldBeFalse("the projector is not running, so nothing can have been written");
        await harness.StartAsync();
        await written.WaitAsync(TimeSpan.FromSeconds(30));

        (await source.LoadAsync(CancellationToken.None)).Pending.Select(j => j.Id).ShouldBe([job.Id]);
    }

    [Fact]
    public async Task Waiting_for_a_write_ends_at_once_when_the_projector_is_stopped_or_the_caller_gives_up()
    {
        await using var harness = new ProjectorHarness(Database.ConnectionString);
        using var giveUp = new CancellationTokenSource();
        var waiting = harness.Projector.PublishWrittenAsync(Job(Queued(Guid.NewGuid(), 0, T0)), giveUp.Token);
        await giveUp.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => waiting);

        await harness.StartAsync();
        await harness.Projector.StopAsync(CancellationToken.None);
        await harness.Projector.PublishWrittenAsync(Job(Queued(Guid.NewGuid(), 0, T0)), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static JobSnapshot Queued(Guid id, int priority, DateTimeOffset queuedAt, Dictionary<string, string>? selector = null,
        string? key = null, DateTimeOffset? notBefore = null)
    {
        var spec = new DispatchSpec(DispatchMode.Auto, priority, selector ?? [], 3, 10, null, key);
        return JobSnapshot(id, 1, JobStatus.Pending) with { Dispatch = JobDispatch.For(spec).Queued(queuedAt, notBefore) };
    }
}

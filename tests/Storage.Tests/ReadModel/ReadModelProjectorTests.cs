using System.Text.Json.Nodes;
using Cockpit.Grains.Agents;
using Cockpit.Grains.Events;
using Cockpit.Grains.Jobs;
using Cockpit.Storage.ReadModel;
using Cockpit.Storage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Cockpit.Storage.Tests.Support.DomainEvents;

namespace Cockpit.Storage.Tests.ReadModel;

public sealed class ReadModelProjectorTests : FreshDatabaseTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Projects_every_column_and_applying_the_same_events_again_changes_nothing()
    {
        await using var harness = new ProjectorHarness(Database.ConnectionString);
        await harness.StartAsync();
        var agentId = Guid.NewGuid();
        var jobId = Guid.NewGuid();
        var progress = new JobProgress(10, 4, "reading", T0.AddMinutes(3));
        DomainEvent[] events =
        [
            Agent(agentId, 1, AgentStatus.Booting),
            Agent(AgentSnapshot(agentId, 2, AgentStatus.Working, metricsJson: """{"cpu": 0.5}""", currentJobId: jobId)),
            Job(jobId, 1, JobStatus.Created, cause: "created"),
            Job(JobSnapshot(jobId, 2, JobStatus.Processing, progress: progress, assignedAgentId: agentId), JobStatus.Created, cause: "assigned"),
        ];

        await harness.PublishAndFlushAsync(events);
        var agent = await harness.Agents.GetAsync(agentId);
        var job = await harness.Jobs.GetAsync(jobId);
        var timeline = await TimelineAsync(jobId);
        await harness.PublishAndFlushAsync(events);

        agent.ShouldNotBeNull();
        agent.Status.ShouldBe("working");
        agent.Version.ShouldBe(2);
        agent.CurrentJobId.ShouldBe(jobId);
        agent.Hostname.ShouldBe(AgentSnapshot(agentId, 2).Hostname);
        agent.PodIp.ShouldBe("10.1.2.3");
        agent.PodPort.ShouldBe(8001);
        agent.Pid.ShouldBe(4242);
        agent.RegisteredAt.ShouldBe(T0);
        agent.LastHeartbeat.ShouldBe(T0);
        JsonNode.DeepEquals(JsonNode.Parse(agent.MetadataJson!), JsonNode.Parse("""{"zone":"a","gpu":false}""")).ShouldBeTrue();
        JsonNode.DeepEquals(JsonNode.Parse(agent.LastMetricsJson!), JsonNode.Parse("""{"cpu":0.5}""")).ShouldBeTrue();
        job.ShouldNotBeNull();
        job.Status.ShouldBe("processing");
        job.AssignedAgentId.ShouldBe(agentId);
        job.TotalRequirements.ShouldBe(10);
        job.ProcessedRequirements.ShouldBe(4);
        job.ProgressMessage.ShouldBe("reading");
        job.LastProgressAt.ShouldBe(T0.AddMinutes(3));
        job.Prompt.ShouldBe("prompt 2");
        job.Version.ShouldBe(2);
        timeline.ShouldBe(["1:-:created:created", "2:created:processing:assigned"]);

        (await harness.Agents.GetAsync(agentId)).ShouldBe(agent);
        (await harness.Jobs.GetAsync(jobId)).ShouldBe(job);
        (await TimelineAsync(jobId)).ShouldBe(timeline);
    }

    [Fact]
    public async Task Writes_in_batches_of_the_configured_size_and_reports_each_committed_batch_in_order()
    {
        await using var harness = new ProjectorHarness(Database.ConnectionString, new ReadModelOptions { BatchSize = 2 });
        var events = Enumerable.Range(1, 5).Select(i => (DomainEvent)Agent(Guid.NewGuid(), i)).ToArray();
        foreach (var domainEvent in events)
        {
            harness.Projector.Publish(domainEvent); // queued before the loop starts, so batching is deterministic
        }

        await harness.StartAsync();
        await harness.Projector.FlushAsync().WaitAsync(Patience);

        harness.CommittedBatches.Select(b => b.Count).ShouldBe([2, 2, 1]);
        harness.CommittedBatches.SelectMany(b => b).ShouldBe(events);
        (await harness.Agents.ListAsync()).Count.ShouldBe(5);
    }

    [Fact]
    public async Task Budgets_and_loop_flags_are_projected_and_a_late_older_version_does_not_undo_them()
    {
        await using var harness = new ProjectorHarness(Database.ConnectionString);
        await harness.StartAsync();
        var jobId = Guid.NewGuid();
        var budgeted = JobSnapshot(jobId, 3, JobStatus.Cancelled) with
        {
            Budget = new Cockpit.Grains.Budgets.JobBudget(0.01m, 20_000), BudgetWarning = true, Looping = true,
        };

        await harness.PublishAndFlushAsync(Job(budgeted, JobStatus.Processing, cause: "budget exceeded: $0.0112 of $0.01"));
        await harness.PublishAndFlushAsync(Job(JobSnapshot(jobId, 2, JobStatus.Processing) with { Budget = new Cockpit.Grains.Budgets.JobBudget(5m, null) }));

        var job = (await harness.Jobs.GetAsync(jobId)).ShouldNotBeNull();
        (job.BudgetMaxCostUsd, job.BudgetMaxTokens, job.BudgetWarning, job.Looping).ShouldBe((0.01m, 20_000L, true, true));
        var unbudgeted = Guid.NewGuid();
        await harness.PublishAndFlushAsync(Job(unbudgeted, 1, JobStatus.Created));
        var plain = (await harness.Jobs.GetAsync(unbudgeted)).ShouldNotBeNull();
        (plain.BudgetMaxCostUsd, plain.BudgetMaxTokens, plain.BudgetWarning, plain.Looping).ShouldBe((null, null, false, false));

        // A newer version without them clears them (a job queued again after a loop was stopped starts clean).
        await harness.PublishAndFlushAsync(Job(JobSnapshot(jobId, 4, JobStatus.Pending), JobStatus.Cancelled));
        var cleared = (await harness.Jobs.GetAsync(jobId)).ShouldNotBeNull();
        (cleared.BudgetMaxCostUsd, cleared.BudgetMaxTokens, cleared.BudgetWarning, cleared.Looping).ShouldBe((null, null, false, false));
    }

    [Fact]
    public async Task An_older_version_arriving_late_is_ignored_in_the_same_batch_and_in_a_later_one()
    {
        await using var harness = new ProjectorHarness(Database.ConnectionString);
        await harness.StartAsync();
        var agentId = Guid.NewGuid();
        var jobId = Guid.NewGuid();

        await harness.PublishAndFlushAsync(
            Agent(agentId, 3, AgentStatus.Working),
            Agent(agentId, 2, AgentStatus.Ready),
            Job(jobId, 3, JobStatus.Completed),
            Job(jobId, 2, JobStatus.Processing));
        await harness.PublishAndFlushAsync(
            Agent(agentId, 1, AgentStatus.Booting),
            Job(jobId, 1, JobStatus.Created));

        var agent = await harness.Agents.GetAsync(agentId);
        var job = await harness.Jobs.GetAsync(jobId);
        agent!.Status.ShouldBe("working");
        agent.Version.ShouldBe(3);
        job!.Status.ShouldBe("completed");
        job.Version.ShouldBe(3);
        // The timeline keeps every version, whatever order they came in.
        (await TimelineAsync(jobId)).Select(t => t.Split(':')[0]).ShouldBe(["1", "2", "3"]);
    }

    [Fact]
    public async Task A_deleted_agent_or_job_is_not_resurrected_by_a_late_older_event_but_a_newer_version_recreates_it()
    {
        await using var harness = new ProjectorHarness(Database.ConnectionString);
        await harness.StartAsync();
        var agentId = Guid.NewGuid();
        var jobId = Guid.NewGuid();
        await harness.PublishAndFlushAsync(Agent(agentId, 1), Agent(agentId, 2), Job(jobId, 1), Job(jobId, 2));

        await harness.PublishAndFlushAsync(Agent(agentId, 3, deleted: true), Job(jobId, 3, deleted: true));
        await harness.PublishAndFlushAsync(Agent(agentId, 2, AgentStatus.Working), Job(jobId, 2, JobStatus.Processing));

        (await harness.Agents.GetAsync(agentId)).ShouldBeNull();
        (await harness.Jobs.GetAsync(jobId)).ShouldBeNull();
        (await TimelineAsync(jobId)).ShouldBeEmpty();
        (await Database.ScalarAsync<long>("SELECT version FROM read_model_tombstones WHERE entity_type = 'agent' AND entity_id = $1", agentId)).ShouldBe(3);

        await harness.PublishAndFlushAsync(Agent(agentId, 4, AgentStatus.Booting));
        (await harness.Agents.GetAsync(agentId))!.Version.ShouldBe(4);
    }

    [Fact]
    public async Task A_delete_and_an_older_update_in_one_batch_leave_nothing_behind()
    {
        await using var harness = new ProjectorHarness(Database.ConnectionString);
        await harness.StartAsync();
        var agentId = Guid.NewGuid();

        await harness.PublishAndFlushAsync(Agent(agentId, 2, deleted: true), Agent(agentId, 1));

        (await harness.Agents.GetAsync(agentId)).ShouldBeNull();
    }

    [Fact]
    public async Task Heartbeats_coalesce_to_the_newest_time_and_never_move_backwards()
    {
        await using var harness = new ProjectorHarness(Database.ConnectionString, new ReadModelOptions { HeartbeatFlushInterval = TimeSpan.FromHours(1) });
        await harness.StartAsync();
        var agentId = Guid.NewGuid();
        await harness.PublishAndFlushAsync(Agent(agentId, 1, lastHeartbeat: T0));

        harness.Projector.HeartbeatSeen(agentId, T0.AddSeconds(10), """{"cpu": 10}""");
        harness.Projector.HeartbeatSeen(agentId, T0.AddSeconds(5), """{"cpu": 5}"""); // older, arrives later
        await harness.Projector.FlushAsync().WaitAsync(Patience);
        var afterFirstFlush = await harness.Agents.GetAsync(agentId);
        harness.Projector.HeartbeatSeen(agentId, T0.AddSeconds(3), """{"cpu": 3}""");
        await harness.Projector.FlushAsync().WaitAsync(Patience);
        var afterStaleFlush = await harness.Agents.GetAsync(agentId);
        // A status change whose snapshot carries an older heartbeat than the table must not rewind it either.
        await harness.PublishAndFlushAsync(Agent(agentId, 2, AgentStatus.Working, lastHeartbeat: T0.AddSeconds(1), metricsJson: """{"cpu": 1}"""));
        var afterEvent = await harness.Agents.GetAsync(agentId);

        afterFirstFlush!.LastHeartbeat.ShouldBe(T0.AddSeconds(10));
        JsonNode.Parse(afterFirstFlush.LastMetricsJson!)!["cpu"]!.GetValue<int>().ShouldBe(10);
        afterStaleFlush.ShouldBe(afterFirstFlush);
        afterEvent!.Status.ShouldBe("working");
        afterEvent.LastHeartbeat.ShouldBe(T0.AddSeconds(10));
        JsonNode.Parse(afterEvent.LastMetricsJson!)!["cpu"]!.GetValue<int>().ShouldBe(10);
    }

    [Fact]
    public async Task Heartbeats_are_written_on_the_flush_interval_without_being_asked()
    {
        await using var harness = new ProjectorHarness(Database.ConnectionString, new ReadModelOptions { HeartbeatFlushInterval = TimeSpan.FromMilliseconds(200) });
        await harness.StartAsync();
        var agentId = Guid.NewGuid();
        await harness.PublishAndFlushAsync(Agent(agentId, 1, lastHeartbeat: T0));

        harness.Projector.HeartbeatSeen(agentId, T0.AddMinutes(1), null);

        var row = await Poll.UntilAsync(() => harness.Agents.GetAsync(agentId), a => a!.LastHeartbeat == T0.AddMinutes(1), Patience, "the periodic heartbeat flush");
        row!.LastMetricsJson.ShouldBeNull();
    }

    [Fact]
    public async Task A_heartbeat_seen_right_after_registration_lands_on_the_new_row()
    {
        await using var harness = new ProjectorHarness(Database.ConnectionString, new ReadModelOptions { HeartbeatFlushInterval = TimeSpan.FromHours(1) });
        await harness.StartAsync();
        var agentIds = Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()).ToList();

        foreach (var agentId in agentIds)
        {
            harness.Projector.Publish(Agent(agentId, 1, lastHeartbeat: T0));
            harness.Projector.HeartbeatSeen(agentId, T0.AddSeconds(30), """{"beat": 1}""");
        }

        await harness.Projector.FlushAsync().WaitAsync(Patience);
        var rows = await harness.Agents.ListAsync();
        rows.Count.ShouldBe(200);
        rows.ShouldAllBe(r => r.LastHeartbeat == T0.AddSeconds(30));
    }

    [Fact]
    public async Task A_transient_failure_is_retried_until_the_batch_is_written()
    {
        const string applicationName = "projector-retry-test";
        await using var harness = new ProjectorHarness(Database.ConnectionString, applicationName: applicationName);
        await harness.StartAsync();
        var agentId = Guid.NewGuid();
        await using var blocker = new NpgsqlConnection(Database.ConnectionString);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE agents IN ACCESS EXCLUSIVE MODE", blocker, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        harness.Projector.Publish(Agent(agentId, 1));
        var firstPid = await BlockedProjectorPidAsync(applicationName, exceptPid: 0);
        // Kill the projector's session mid-write: the batch fails with a connection error and must be retried.
        (await Database.ScalarAsync<bool>("SELECT pg_terminate_backend($1)", firstPid)).ShouldBeTrue();
        await BlockedProjectorPidAsync(applicationName, exceptPid: firstPid);
        await transaction.CommitAsync();
        await harness.Projector.FlushAsync().WaitAsync(Patience);

        (await harness.Agents.GetAsync(agentId)).ShouldNotBeNull();
        harness.CommittedBatches.SelectMany(b => b).Count().ShouldBe(1);
    }

    [Fact]
    public async Task An_unwritable_event_is_skipped_and_the_rest_of_its_batch_is_still_written()
    {
        await using var harness = new ProjectorHarness(Database.ConnectionString);
        var good1 = Agent(Guid.NewGuid(), 1);
        var bad = Agent(AgentSnapshot(Guid.NewGuid(), 1) with { MetadataJson = "{not json" });
        var good2 = Agent(Guid.NewGuid(), 1);
        harness.Projector.Publish(good1);
        harness.Projector.Publish(bad);
        harness.Projector.Publish(good2);

        await harness.StartAsync();
        await harness.Projector.FlushAsync().WaitAsync(Patience);
        await harness.PublishAndFlushAsync(Agent(Guid.NewGuid(), 1)); // and the projector keeps going

        (await harness.Agents.GetAsync(good1.Agent.Id)).ShouldNotBeNull();
        (await harness.Agents.GetAsync(good2.Agent.Id)).ShouldNotBeNull();
        (await harness.Agents.GetAsync(bad.Agent.Id)).ShouldBeNull();
        harness.CommittedBatches.SelectMany(b => b).ShouldNotContain(bad);
        (await harness.Agents.ListAsync()).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Unwritable_events_among_prepared_batches_leave_the_writers_pool_writing()
    {
        // The projector's own pool, which auto-prepares: a batch the database refuses once left the connection's prepared
        // statements out of step with the server (npgsql/npgsql#6391), and the retry or a later batch read another
        // statement's reply. Rounds of warm batches, each with one unwritable event somewhere in it.
        await using var services = new ServiceCollection().AddLogging().AddCockpitStorage(Database.ConnectionString).BuildServiceProvider();
        var writers = services.GetRequiredKeyedService<NpgsqlDataSource>(StorageServiceCollectionExtensions.BackgroundWriterDataSourceKey).ConnectionString;
        await using var harness = new ProjectorHarness(writers);
        await harness.StartAsync();
        var written = new List<Guid>();
        for (var round = 0; round < 40; round++)
        {
            var size = 2 + round % 7;
            var events = Enumerable.Range(0, size).Select(DomainEvent (i) => i == round % size
                ? Agent(AgentSnapshot(Guid.NewGuid(), 1) with { MetadataJson = "{not json" })
                : Job(Guid.NewGuid(), 1)).ToArray();
            await harness.PublishAndFlushAsync(events);
            written.AddRange(events.OfType<JobChanged>().Select(j => j.Job.Id));
            var healthy = Job(Guid.NewGuid(), 1);
            await harness.PublishAndFlushAsync(healthy);
            written.Add(healthy.Job.Id);
        }

        foreach (var jobId in written) (await harness.Jobs.GetAsync(jobId)).ShouldNotBeNull();
        (await harness.Agents.ListAsync()).Count.ShouldBe(0);
    }

    [Fact]
    public async Task Stopping_drains_queued_events_and_pending_heartbeats()
    {
        var harness = new ProjectorHarness(Database.ConnectionString, new ReadModelOptions { BatchSize = 7, HeartbeatFlushInterval = TimeSpan.FromHours(1) });
        await harness.StartAsync();
        var agentId = Guid.NewGuid();
        await harness.PublishAndFlushAsync(Agent(agentId, 1, lastHeartbeat: T0));
        var jobIds = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToList();

        foreach (var jobId in jobIds)
        {
            harness.Projector.Publish(Job(jobId, 1));
        }

        harness.Projector.HeartbeatSeen(agentId, T0.AddHours(1), null);
        await harness.DisposeAsync(); // StopAsync, without a FlushAsync first

        await using var reader = new ProjectorHarness(Database.ConnectionString);
        (await reader.Jobs.ListAsync(limit: 500)).TotalCount.ShouldBe(50);
        (await reader.Agents.GetAsync(agentId))!.LastHeartbeat.ShouldBe(T0.AddHours(1));
    }

    private async Task<List<string>> TimelineAsync(Guid jobId)
    {
        await using var command = Database.DataSource.CreateCommand(
            "SELECT version, from_status, to_status, cause FROM job_timeline WHERE job_id = $1 ORDER BY version");
        command.Parameters.Add(new NpgsqlParameter { Value = jobId });
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add($"{reader.GetInt64(0)}:{(reader.IsDBNull(1) ? "-" : reader.GetString(1))}:{reader.GetString(2)}:{reader.GetString(3)}");
        }

        return rows;
    }

    private Task<int> BlockedProjectorPidAsync(string applicationName, int exceptPid) =>
        Poll.UntilAsync(
            async () =>
            {
                await using var command = Database.DataSource.CreateCommand(
                    "SELECT coalesce(max(pid), 0) FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock' AND pid <> $2");
                command.Parameters.Add(new NpgsqlParameter { Value = applicationName });
                command.Parameters.Add(new NpgsqlParameter { Value = exceptPid });
                return (int)(await command.ExecuteScalarAsync())!;
            },
            pid => pid != 0,
            Patience,
            "the projector to wait on the locked table");
}

using System.Text.Json.Nodes;
using Cockpit.Grains.Agents;
using Cockpit.Grains.Events;
using Cockpit.Grains.Jobs;
using Cockpit.Storage.ReadModel;
using Cockpit.Storage.Tests.Support;
using static Cockpit.Storage.Tests.Support.DomainEvents;

namespace Cockpit.Storage.Tests.ReadModel;

public sealed class ReadModelQueryTests : FreshDatabaseTest
{
    [Fact]
    public async Task Agents_filter_by_status_and_config_name_alone_or_together()
    {
        await using var harness = new ProjectorHarness(Database.ConnectionString);
        await harness.StartAsync();
        var readyA = Agent(Guid.NewGuid(), 1, AgentStatus.Ready, "alpha", registeredAt: T0.AddMinutes(1));
        var workingA = Agent(Guid.NewGuid(), 1, AgentStatus.Working, "alpha", registeredAt: T0.AddMinutes(2));
        var readyB = Agent(Guid.NewGuid(), 1, AgentStatus.Ready, "beta", registeredAt: T0.AddMinutes(3));
        await harness.PublishAndFlushAsync(workingA, readyB, readyA);

        var all = await harness.Agents.ListAsync();
        var ready = await harness.Agents.ListAsync(status: AgentStatus.Ready);
        var alpha = await harness.Agents.ListAsync(configName: "alpha");
        var readyAlpha = await harness.Agents.ListAsync(AgentStatus.Ready, "alpha");
        var none = await harness.Agents.ListAsync(AgentStatus.Offline);

        Ids(all).ShouldBe([readyA.Agent.Id, workingA.Agent.Id, readyB.Agent.Id]); // registration order
        Ids(ready).ShouldBe([readyA.Agent.Id, readyB.Agent.Id]);
        Ids(alpha).ShouldBe([readyA.Agent.Id, workingA.Agent.Id]);
        Ids(readyAlpha).ShouldBe([readyA.Agent.Id]);
        none.ShouldBeEmpty();
        (await harness.Agents.ListAsync(configName: "alpha\0")).ShouldBeEmpty("PostgreSQL text holds no NUL: nothing matches, nothing fails");
        (await harness.Agents.GetAsync(Guid.NewGuid())).ShouldBeNull();
    }

    [Fact]
    public async Task Jobs_page_newest_first_with_a_status_filter_and_a_total_count()
    {
        await using var harness = new ProjectorHarness(Database.ConnectionString);
        await harness.StartAsync();
        var statuses = new[] { JobStatus.Completed, JobStatus.Failed, JobStatus.Processing };
        var jobs = Enumerable.Range(0, 9)
            .Select(i => Job(Guid.NewGuid(), 1, statuses[i % 3], createdAt: T0.AddMinutes(i)))
            .ToList();
        await harness.PublishAndFlushAsync([.. jobs]);
        var finished = jobs
            .Where(j => j.Job.Status is JobStatus.Completed or JobStatus.Failed)
            .OrderByDescending(j => j.Job.CreatedAt)
            .Select(j => j.Job.Id)
            .ToList();

        var filter = new[] { JobStatus.Completed, JobStatus.Failed };
        var page1 = await harness.Jobs.ListAsync(filter, limit: 4, offset: 0);
        var page2 = await harness.Jobs.ListAsync(filter, limit: 4, offset: 4);
        var beyond = await harness.Jobs.ListAsync(filter, limit: 4, offset: 40);
        var everything = await harness.Jobs.ListAsync();

        page1.TotalCount.ShouldBe(6);
        page1.Items.Select(j => j.Id).ShouldBe(finished.Take(4));
        page2.Items.Select(j => j.Id).ShouldBe(finished.Skip(4));
        beyond.Items.ShouldBeEmpty();
        beyond.TotalCount.ShouldBe(6);
        everything.TotalCount.ShouldBe(9);
        everything.Items.Select(j => j.CreatedAt).ShouldBeInOrder(SortDirection.Descending);
        (await harness.Jobs.ListAsync([JobStatus.Cancelled])).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task Jobs_with_the_same_creation_time_page_without_overlap()
    {
        await using var harness = new ProjectorHarness(Database.ConnectionString);
        await harness.StartAsync();
        var jobs = Enumerable.Range(0, 5).Select(_ => Job(Guid.NewGuid(), 1, createdAt: T0)).ToArray();
        await harness.PublishAndFlushAsync(jobs);

        var seen = new List<Guid>();
        for (var offset = 0; offset < 5; offset += 2)
        {
            seen.AddRange((await harness.Jobs.ListAsync(limit: 2, offset: offset)).Items.Select(j => j.Id));
        }

        seen.Order().ShouldBe(jobs.Select(j => j.Job.Id).Order());
    }

    [Fact]
    public async Task Job_limit_is_capped_at_500_and_must_be_positive()
    {
        await using var harness = new ProjectorHarness(Database.ConnectionString);
        await harness.StartAsync();
        await harness.PublishAndFlushAsync(Enumerable.Range(0, 501).Select(i => (DomainEvent)Job(Guid.NewGuid(), 1, createdAt: T0.AddSeconds(i))).ToArray());

        var page = await harness.Jobs.ListAsync(limit: 10_000);

        page.Items.Count.ShouldBe(JobReadModel.MaxLimit);
        page.TotalCount.ShouldBe(501);
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => harness.Jobs.ListAsync(limit: 0));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => harness.Jobs.ListAsync(offset: -1));
    }

    [Fact]
    public async Task A_job_row_carries_every_column()
    {
        await using var harness = new ProjectorHarness(Database.ConnectionString);
        await harness.StartAsync();
        var agentId = Guid.NewGuid();
        var snapshot = JobSnapshot(
            Guid.NewGuid(),
            7,
            JobStatus.Failed,
            createdAt: T0,
            configName: "gamma",
            progress: new JobProgress(12, 12, "done reading", T0.AddMinutes(9)),
            errorMessage: "agent crashed",
            errorDetailsJson: """{"exit_code": 137}""",
            assignedAgentId: agentId,
            completedAt: T0.AddMinutes(10));
        await harness.PublishAndFlushAsync(Job(snapshot, JobStatus.Processing));

        var row = await harness.Jobs.GetAsync(snapshot.Id);

        row.ShouldNotBeNull();
        row.ShouldBe(row with
        {
            Id = snapshot.Id,
            Prompt = "prompt 7",
            DocumentPath = "/workspace/doc.pdf",
            DocumentDir = "/workspace/docs",
            ConfigName = "gamma",
            Instructions = "be brief",
            Status = "failed",
            AssignedAgentId = agentId,
            CreatedAt = T0,
            UpdatedAt = T0.AddSeconds(7),
            CompletedAt = T0.AddMinutes(10),
            ErrorMessage = "agent crashed",
            TotalRequirements = 12,
            ProcessedRequirements = 12,
            ProgressMessage = "done reading",
            LastProgressAt = T0.AddMinutes(9),
            Version = 7,
        });
        JsonNode.DeepEquals(JsonNode.Parse(row.ContextJson!), JsonNode.Parse("""{"project":"x"}""")).ShouldBeTrue();
        JsonNode.DeepEquals(JsonNode.Parse(row.ErrorDetailsJson!), JsonNode.Parse("""{"exit_code":137}""")).ShouldBeTrue();
        (await harness.Jobs.GetAsync(Guid.NewGuid())).ShouldBeNull();
    }

    private static List<Guid> Ids(IEnumerable<AgentRow> rows) => rows.Select(r => r.Id).ToList();
}

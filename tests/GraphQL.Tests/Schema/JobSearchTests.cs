using Cockpit.GraphQL.Tests.Support;
using Cockpit.Grains.Jobs;
using Cockpit.Storage.Migrations;
using Cockpit.Storage.ReadModel;
using Cockpit.TestSupport;
using Npgsql;

namespace Cockpit.GraphQL.Tests.Schema;

/// <summary><c>Query.jobs</c>' search, and the batch and timeline reads, on a real PostgreSQL with the real migrations.</summary>
public sealed class JobSearchTests(JobSearchTests.Database database) : IClassFixture<JobSearchTests.Database>, IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid AgentA = Guid.NewGuid();
    private static readonly Guid AgentB = Guid.NewGuid();

    private readonly NpgsqlDataSource _dataSource = database.DataSource;
    private readonly JobReadModel _jobs = new(database.DataSource);

    /// <summary>One migrated database for the class; each test starts with empty tables.</summary>
    public sealed class Database() : MigratedDatabaseFixture("gqlsearch");

    public async Task InitializeAsync()
    {
        await using var truncate = _dataSource.CreateCommand("TRUNCATE jobs, job_timeline");
        await truncate.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Pages_follow_each_other_newest_first_without_gaps_or_repeats_even_on_equal_times()
    {
        // 7 jobs, three of them created at the very same microsecond (ties are broken by id).
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++) ids.Add(await InsertAsync($"job {i}", i < 3 ? T0 : T0.AddSeconds(i)));

        var seen = new List<Guid>();
        JobSearchCursor? after = null;
        var pages = 0;
        while (true)
        {
            var page = await _jobs.SearchAsync(new JobSearchQuery(First: 3, After: after));
            page.TotalCount.ShouldBe(7);
            seen.AddRange(page.Items.Select(j => j.Id));
            pages++;
            if (!page.HasNextPage) break;
            after = page.EndCursor;
        }

        pages.ShouldBe(3);
        seen.ShouldBe(seen.Distinct().ToList());
        seen.Count.ShouldBe(7);
        var expected = (await _jobs.ListAsync(limit: 10)).Items.Select(j => j.Id).ToList();
        seen.ShouldBe(expected); // the same order as REST's list
    }

    [Fact]
    public async Task Filters_combine_and_the_total_counts_the_filtered_jobs()
    {
        var mine = await InsertAsync("Extract the GDPR requirements", T0, "processing", AgentA, "creator");
        await InsertAsync("Extract the requirements", T0.AddSeconds(1), "completed", AgentA, "creator");
        await InsertAsync("gdpr check", T0.AddSeconds(2), "processing", AgentB, "creator");
        await InsertAsync("GDPR again", T0.AddSeconds(3), "processing", AgentA, "validator");
        await InsertAsync("100% done_", T0.AddSeconds(4), "created");

        var page = await _jobs.SearchAsync(new JobSearchQuery([JobStatus.Processing], AgentA, "creator", "gdpr"));
        page.Items.Select(j => j.Id).ShouldBe([mine]);
        page.TotalCount.ShouldBe(1);

        (await _jobs.SearchAsync(new JobSearchQuery(Search: "GDPR"))).TotalCount.ShouldBe(3);
        (await _jobs.SearchAsync(new JobSearchQuery([JobStatus.Processing, JobStatus.Completed]))).TotalCount.ShouldBe(4);
        (await _jobs.SearchAsync(new JobSearchQuery(AssignedAgentId: AgentB))).TotalCount.ShouldBe(1);
        // % and _ in the search are text, not wildcards.
        (await _jobs.SearchAsync(new JobSearchQuery(Search: "0% done_"))).TotalCount.ShouldBe(1);
        (await _jobs.SearchAsync(new JobSearchQuery(Search: "%"))).TotalCount.ShouldBe(1);
        (await _jobs.SearchAsync(new JobSearchQuery(Search: "nothing like it"))).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Many_jobs_are_read_in_one_call_and_the_timeline_shows_status_changes_only()
    {
        var a = await InsertAsync("a", T0);
        var b = await InsertAsync("b", T0);
        (await _jobs.GetManyAsync([a, b, Guid.NewGuid(), a])).Select(r => r.Id).Order().ShouldBe(new[] { a, b }.Order());

        await using (var command = _dataSource.CreateCommand("""
            INSERT INTO job_timeline (job_id, version, at, from_status, to_status, cause) VALUES
              ($1, 1, $2, NULL, 'created', 'created'),
              ($1, 2, $2 + interval '1 s', 'created', 'processing', 'assigned to agent x'),
              ($1, 3, $2 + interval '2 s', 'processing', 'processing', 'progress'),
              ($1, 4, $2 + interval '3 s', 'processing', 'completed', 'agent x reported completed')
            """))
        {
            command.Parameters.AddWithValue(a);
            command.Parameters.AddWithValue(T0);
            await command.ExecuteNonQueryAsync();
        }
        var timeline = await _jobs.TimelineAsync(a);
        timeline.Select(e => $"{e.Version} {e.FromStatus ?? "-"}→{e.ToStatus}").ShouldBe(["1 -→created", "2 created→processing", "4 processing→completed"]);
        (await _jobs.TimelineAsync(b)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_text_filter_with_a_NUL_matches_nothing_instead_of_failing_the_query()
    {
        await InsertAsync("find A", T0, config: "default");

        var bySearch = await _jobs.SearchAsync(new JobSearchQuery(First: 10, Search: "A\0"));
        var byConfig = await _jobs.SearchAsync(new JobSearchQuery(First: 10, ConfigName: "default\0"));

        bySearch.Items.ShouldBeEmpty();
        bySearch.TotalCount.ShouldBe(0);
        byConfig.Items.ShouldBeEmpty();
        (await _jobs.SearchAsync(new JobSearchQuery(First: 10, Search: "A"))).TotalCount.ShouldBe(1);
    }

    private async Task<Guid> InsertAsync(string prompt, DateTimeOffset createdAt, string status = "created", Guid? agent = null, string? config = null)
    {
        var id = Guid.NewGuid();
        await using var command = _dataSource.CreateCommand("""
            INSERT INTO jobs (id, prompt, status, assigned_agent_id, config_name, created_at, updated_at, version)
            VALUES ($1, $2, $3, $4, $5, $6, $6, 1)
            """);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(prompt);
        command.Parameters.AddWithValue(status);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)agent ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)config ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.AddWithValue(createdAt);
        await command.ExecuteNonQueryAsync();
        return id;
    }
}

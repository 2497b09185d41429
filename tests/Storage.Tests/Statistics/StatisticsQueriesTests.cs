using Cockpit.Storage.Statistics;
using Cockpit.Storage.Tests.Support;

namespace Cockpit.Storage.Tests.Statistics;

/// <summary>The statistics SQL against a migrated PostgreSQL filled with known rows.</summary>
public sealed class StatisticsQueriesTests : IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    // Mid-afternoon UTC, so "today" is unambiguous.
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Today = new(2025, 3, 10, 0, 0, 0, TimeSpan.Zero);

    private readonly MigratedDatabase _database;
    private readonly ReadModelRows _rows;
    private readonly StatisticsQueries _queries;

    public StatisticsQueriesTests(MigratedDatabase database)
    {
        _database = database;
        _rows = new ReadModelRows(database);
        _queries = new StatisticsQueries(database.DataSource);
    }

    public Task InitializeAsync() => _rows.ClearAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Daily_counts_creations_and_outcomes_per_utc_day_with_empty_days_as_zero()
    {
        // Today: 2 created; one of them completed today. Yesterday: 1 created and failed today, 1 cancelled yesterday.
        await _rows.JobAsync("completed", Today.AddHours(1), completedAt: Today.AddHours(2));
        await _rows.JobAsync("processing", Today.AddHours(3));
        await _rows.JobAsync("failed", Today.AddDays(-1).AddHours(23).AddMinutes(59), completedAt: Today.AddMinutes(1));
        // A cancel sets no completion time: its day is the day of its last change.
        await _rows.JobAsync("cancelled", Today.AddDays(-2).AddHours(5), updatedAt: Today.AddDays(-1).AddHours(6));
        // Six days ago is still inside a 7-day window; seven days ago is not.
        await _rows.JobAsync("completed", Today.AddDays(-6), completedAt: Today.AddDays(-6).AddHours(1));
        await _rows.JobAsync("completed", Today.AddDays(-7).AddHours(12), completedAt: Today.AddDays(-7).AddHours(13));
        // Created in the future (clock skew) is outside the window, not today.
        await _rows.JobAsync("created", Today.AddDays(1).AddHours(1));

        var stats = await _queries.DailyAsync(7, Now);

        stats.Days.Count.ShouldBe(7);
        stats.Days[0].Date.ShouldBe(new DateOnly(2025, 3, 4));
        stats.Days[^1].Date.ShouldBe(new DateOnly(2025, 3, 10));
        stats.Days[^1].ShouldBe(new DailyJobCounts(new DateOnly(2025, 3, 10), 2, 1, 1, 0));
        stats.Days[^2].ShouldBe(new DailyJobCounts(new DateOnly(2025, 3, 9), 1, 0, 0, 1));
        stats.Days[^3].ShouldBe(new DailyJobCounts(new DateOnly(2025, 3, 8), 1, 0, 0, 0));
        stats.Days[0].ShouldBe(new DailyJobCounts(new DateOnly(2025, 3, 4), 1, 1, 0, 0));
        stats.Days.Skip(1).Take(3).ShouldAllBe(d => d.Created == 0 && d.Completed == 0 && d.Failed == 0 && d.Cancelled == 0);
        (stats.Created, stats.Completed, stats.Failed, stats.Cancelled).ShouldBe((5L, 2L, 1L, 1L));
        stats.FailureRate.ShouldBe(0.3333);
    }

    [Fact]
    public async Task Daily_with_one_day_covers_today_only_and_an_empty_table_has_no_failure_rate()
    {
        var empty = await _queries.DailyAsync(1, Now);
        empty.Days.ShouldHaveSingleItem().ShouldBe(new DailyJobCounts(new DateOnly(2025, 3, 10), 0, 0, 0, 0));
        empty.FailureRate.ShouldBeNull();

        await _rows.JobAsync("failed", Today.AddDays(-1), completedAt: Today.AddMinutes(5));
        var today = await _queries.DailyAsync(1, Now);
        today.Days.ShouldHaveSingleItem().ShouldBe(new DailyJobCounts(new DateOnly(2025, 3, 10), 0, 0, 1, 0));
        today.FailureRate.ShouldBe(1);
    }

    [Fact]
    public async Task Queue_counts_every_status_including_those_with_no_jobs()
    {
        await _rows.JobAsync("created", Now);
        await _rows.JobAsync("created", Now);
        await _rows.JobAsync("processing", Now);
        await _rows.JobAsync("failed", Now, completedAt: Now);

        var queue = await _queries.QueueAsync();

        queue.Total.ShouldBe(4);
        queue.ByStatus.Keys.ShouldBe(["created", "pending", "processing", "completed", "failed", "cancelled"]);
        queue.ByStatus["created"].ShouldBe(2);
        queue.ByStatus["pending"].ShouldBe(0);
        queue.ByStatus["processing"].ShouldBe(1);
        queue.ByStatus["failed"].ShouldBe(1);
        queue.ByStatus["cancelled"].ShouldBe(0);
    }

    [Fact]
    public async Task Workforce_counts_agents_overall_and_per_config()
    {
        await _rows.AgentAsync("default", "ready");
        await _rows.AgentAsync("default", "working");
        await _rows.AgentAsync("default", "offline");
        await _rows.AgentAsync("fast", "working");
        await _rows.AgentAsync("fast", "failed");
        await _rows.AgentAsync("fast", "booting");

        var workforce = await _queries.WorkforceAsync();

        workforce.All.ShouldBe(new AgentCounts(Total: 6, Online: 5, Working: 2, Idle: 1, Booting: 1, Completed: 0, Failed: 1, Offline: 1, Utilization: 0.4));
        workforce.ByConfig.Select(c => c.ConfigName).ShouldBe(["default", "fast"]);
        workforce.ByConfig[0].Agents.ShouldBe(new AgentCounts(3, 2, 1, 1, 0, 0, 0, 1, 0.5));
        workforce.ByConfig[1].Agents.ShouldBe(new AgentCounts(3, 3, 1, 0, 1, 0, 1, 0, 0.3333));
    }

    [Fact]
    public async Task Stuck_jobs_are_processing_jobs_without_progress_for_the_threshold_longest_first()
    {
        var agent = await _rows.AgentAsync("default", "working", hostname: "pod-7");
        var quiet = await _rows.JobAsync("processing", Now.AddHours(-5), updatedAt: Now.AddHours(-3), lastProgressAt: Now.AddMinutes(-90),
            agentId: agent, processed: 3, total: 10, prompt: new string('p', 500));
        var neverReported = await _rows.JobAsync("processing", Now.AddHours(-4), updatedAt: Now.AddHours(-2));
        await _rows.JobAsync("processing", Now.AddHours(-4), updatedAt: Now.AddHours(-4), lastProgressAt: Now.AddMinutes(-10)); // moving
        await _rows.JobAsync("completed", Now.AddHours(-9), updatedAt: Now.AddHours(-8), completedAt: Now.AddHours(-8)); // finished
        var exactlyAtThreshold = await _rows.JobAsync("processing", Now.AddHours(-1), updatedAt: Now.AddHours(-1));

        var stuck = await _queries.StuckJobsAsync(60, Now);

        stuck.Select(s => s.JobId).ShouldBe([neverReported, quiet, exactlyAtThreshold]);
        stuck[0].MinutesSinceProgress.ShouldBe(120);
        stuck[0].AgentId.ShouldBeNull();
        var first = stuck[1];
        first.MinutesSinceProgress.ShouldBe(90);
        first.LastProgressAt.ShouldBe(Now.AddMinutes(-90));
        first.AgentId.ShouldBe(agent);
        first.AgentHostname.ShouldBe("pod-7");
        first.AgentStatus.ShouldBe("working");
        (first.ProcessedRequirements, first.TotalRequirements).ShouldBe((3, 10));
        first.Prompt.Length.ShouldBe(StatisticsQueries.PromptPreviewLength);
        stuck[2].MinutesSinceProgress.ShouldBe(60);

        (await _queries.StuckJobsAsync(100, Now)).Select(s => s.JobId).ShouldBe([neverReported]);
        (await _queries.StuckJobsAsync(1, Now)).Count.ShouldBe(4);
    }

    [Fact]
    public async Task The_statistics_indexes_exist()
    {
        (await _database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_indexes WHERE tablename = 'jobs' AND indexname IN ('idx_jobs_finished_at', 'idx_jobs_processing_since')"))
            .ShouldBe(2);
    }
}

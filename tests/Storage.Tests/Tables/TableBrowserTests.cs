using Cockpit.Storage.Tables;
using Cockpit.Storage.Tests.Statistics;
using Cockpit.Storage.Tests.Support;
using Npgsql;

namespace Cockpit.Storage.Tests.Tables;

/// <summary>The read-only database browser against a migrated PostgreSQL.</summary>
public sealed class TableBrowserTests : IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private readonly MigratedDatabase _database;
    private readonly ReadModelRows _rows;
    private readonly TableBrowser _browser;

    public TableBrowserTests(MigratedDatabase database)
    {
        _database = database;
        _rows = new ReadModelRows(database);
        _browser = new TableBrowser(database.DataSource);
    }

    public Task InitializeAsync() => _rows.ClearAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Lists_the_allowed_tables_that_exist_with_columns_keys_and_counts_and_nothing_else()
    {
        await _rows.JobAsync("created", T0);
        await _rows.JobAsync("created", T0);
        await _rows.AgentAsync("default", "ready");

        var tables = await _browser.ListAsync();

        var names = tables.Select(t => t.Name).ToList();
        names.ShouldContain("agents");
        names.ShouldContain("jobs");
        names.ShouldContain("job_timeline");
        names.ShouldContain("llm_usage_daily");
        names.ShouldContain("llm_usage_jobs");
        names.ShouldContain("llm_calls");
        names.ShouldNotContain(n => n.StartsWith("orleans", StringComparison.OrdinalIgnoreCase));
        names.ShouldNotContain("schemaversions");
        names.ShouldNotContain("read_model_tombstones");
        names.ShouldAllBe(n => BrowsableTables.Default.Contains(n));

        var jobs = tables.Single(t => t.Name == "jobs");
        (jobs.RowCount, jobs.RowCountExact).ShouldBe((2L, true));
        jobs.PrimaryKey.ShouldBe(["id"]);
        jobs.Columns[0].ShouldBe(new TableColumn("id", "uuid", false));
        jobs.Columns.ShouldContain(new TableColumn("config_name", "character varying(100)", true));
        jobs.Columns.ShouldContain(new TableColumn("created_at", "timestamp with time zone", true));
        tables.Single(t => t.Name == "job_timeline").PrimaryKey.ShouldBe(["job_id", "version"]);
        tables.Single(t => t.Name == "agents").RowCount.ShouldBe(1);
        tables.Single(t => t.Name == "llm_usage_jobs").PrimaryKey.ShouldBe(["job_id", "model"]);
        jobs.Columns.ShouldContain(new TableColumn("budget_max_cost_usd", "numeric", true));
        jobs.Columns.ShouldContain(new TableColumn("looping", "boolean", false));
    }

    [Fact]
    public async Task Pages_rows_in_primary_key_order_without_overlap()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++) ids.Add(await _rows.JobAsync("created", T0.AddMinutes(i), prompt: $"job {i}"));
        var ordered = ids.OrderBy(id => id.ToString(), StringComparer.Ordinal).ToList(); // PostgreSQL orders uuids bytewise, as their text

        var first = (await _browser.PageAsync("jobs", offset: 0, limit: 3)).ShouldNotBeNull();
        var second = (await _browser.PageAsync("jobs", offset: 3, limit: 3)).ShouldNotBeNull();
        var last = (await _browser.PageAsync("jobs", offset: 6, limit: 3)).ShouldNotBeNull();
        var beyond = (await _browser.PageAsync("jobs", offset: 70, limit: 3)).ShouldNotBeNull();

        first.Total.ShouldBe(7);
        (first.Offset, first.Limit).ShouldBe((0, 3));
        first.Rows.Concat(second.Rows).Concat(last.Rows).Select(r => Guid.Parse((string)r["id"]!)).ShouldBe(ordered);
        beyond.Rows.ShouldBeEmpty();
        beyond.Total.ShouldBe(7);

        var row = first.Rows[0];
        row.Select(p => p.Key).ShouldBe(first.Table.Columns.Select(c => c.Name), "columns in table order");
        ((string?)row["status"]).ShouldBe("created");
        ((string?)row["created_at"]).ShouldNotBeNull().ShouldEndWith("+00:00");
        row["error_details"].ShouldBeNull();
    }

    [Fact]
    public async Task Json_columns_stay_json_and_long_cells_are_cut()
    {
        await _database.ExecuteAsync($"""
            INSERT INTO jobs (id, prompt, status, context, created_at, updated_at, version)
            VALUES ('00000000-0000-0000-0000-000000000001', repeat('x', 10000), 'created', '{"{"}"team": "qa"{"}"}', now(), now(), 1)
            """);

        var page = (await _browser.PageAsync("jobs")).ShouldNotBeNull();

        var row = page.Rows.ShouldHaveSingleItem();
        ((string?)row["context"]!["team"]).ShouldBe("qa");
        var prompt = (string)row["prompt"]!;
        prompt.ShouldStartWith(new string('x', CellTrimmer.MaxCellChars) + "…");
        prompt.ShouldEndWith("(10000 characters)");
    }

    [Theory]
    [InlineData("jobs; DROP TABLE jobs")]
    [InlineData("jobs\"; DROP TABLE jobs; --")]
    [InlineData("JOBS")]
    [InlineData("orleansquery")]
    [InlineData("schemaversions")]
    [InlineData("read_model_tombstones")]
    [InlineData("pg_catalog.pg_authid")]
    [InlineData("")]
    public async Task A_name_off_the_list_finds_nothing_and_runs_nothing(string name)
    {
        await _rows.JobAsync("created", T0);
        // A browser whose database cannot be reached: any SQL it tried would throw.
        await using var unreachable = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=nowhere;Username=nobody;Timeout=1");
        var blind = new TableBrowser(unreachable);
        await Should.ThrowAsync<NpgsqlException>(() => blind.PageAsync("jobs"), "the probe does notice SQL");

        blind.IsAllowed(name).ShouldBeFalse();
        (await blind.PageAsync(name)).ShouldBeNull();
        (await _browser.PageAsync(name)).ShouldBeNull();

        (await _database.ScalarAsync<long>("SELECT count(*) FROM jobs")).ShouldBe(1);
    }

    [Fact]
    public async Task An_allowed_table_that_does_not_exist_is_not_found_and_not_listed()
    {
        var browser = new TableBrowser(_database.DataSource, ["jobs", "requirements_not_migrated_here"]);

        (await browser.PageAsync("requirements_not_migrated_here")).ShouldBeNull();
        (await browser.ListAsync()).Select(t => t.Name).ShouldBe(["jobs"]);
    }

    [Fact]
    public async Task Forbidden_tables_stay_hidden_even_when_someone_lists_them()
    {
        var browser = new TableBrowser(_database.DataSource, ["jobs", "orleansquery", "schemaversions", "read_model_tombstones"]);

        (await browser.ListAsync()).Select(t => t.Name).ShouldBe(["jobs"]);
        browser.IsAllowed("orleansquery").ShouldBeFalse();
        (await browser.PageAsync("schemaversions")).ShouldBeNull();
    }

    [Theory]
    [InlineData(-1, 50)]
    [InlineData(0, 0)]
    [InlineData(0, 201)]
    public async Task Offsets_and_limits_out_of_range_are_refused(int offset, int limit)
    {
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => _browser.PageAsync("jobs", offset, limit));
    }
}

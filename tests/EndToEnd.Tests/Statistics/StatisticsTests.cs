using System.Net;
using System.Text.Json.Nodes;
using Cockpit.EndToEnd.Tests.Support;
using Cockpit.TestSupport;

namespace Cockpit.EndToEnd.Tests.Statistics;

/// <summary>
/// Statistics, progress, the database browser and the config catalog on a real silo after a real agent finished
/// a real job.
/// </summary>
public sealed class StatisticsTests(StatisticsFixture fixture) : IClassFixture<StatisticsFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private CockpitClient Client => fixture.Silo.Client;

    [Fact]
    public async Task Daily_statistics_count_the_completed_job_today()
    {
        // The read model follows the grains within moments.
        var daily = await Eventually.UntilAsync(async () =>
        {
            var stats = (await Client.GetAsync("/api/stats/daily")).Ok();
            return (long?)stats["totals"]!["completed"] == 1 ? stats : null;
        }, Patience, "one completed job in /api/stats/daily", () => fixture.Silo.Tail());

        ((int?)daily["days"]).ShouldBe(7);
        var days = daily["daily"]!.AsArray();
        days.Count.ShouldBe(7);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        ((string?)daily["last_day"]).ShouldBe(today);
        var last = days[^1]!;
        ((string?)last["date"]).ShouldBe(today);
        ((long?)last["created"]).ShouldBe(1);
        ((long?)last["completed"]).ShouldBe(1);
        ((long?)last["failed"]).ShouldBe(0);
        days.Take(6).ShouldAllBe(d => (long?)d!["created"] == 0 && (long?)d["completed"] == 0);
        ((double?)daily["failure_rate"]).ShouldBe(0);

        var oneDay = (await Client.GetAsync("/api/stats/daily?days=1")).Ok();
        oneDay["daily"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Agent_statistics_show_the_agent_online_and_idle_under_its_config()
    {
        var agents = await Eventually.UntilAsync(async () =>
        {
            var stats = (await Client.GetAsync("/api/stats/agents")).Ok();
            return (long?)stats["idle"] == 1 ? stats : null;
        }, Patience, "the idle agent in /api/stats/agents");

        ((long?)agents["total"]).ShouldBe(1);
        ((long?)agents["online"]).ShouldBe(1);
        ((long?)agents["working"]).ShouldBe(0);
        ((long?)agents["offline"]).ShouldBe(0);
        var byConfig = agents["by_config"]!.AsArray().ShouldHaveSingleItem()!;
        ((string?)byConfig["config_name"]).ShouldBe("default");
        ((long?)byConfig["idle"]).ShouldBe(1);

        var queue = (await Client.GetAsync("/api/stats/queue")).Ok();
        ((long?)queue["total"]).ShouldBe(1);
        ((long?)queue["by_status"]!["completed"]).ShouldBe(1);
        ((long?)queue["by_status"]!["processing"]).ShouldBe(0);

        var stuck = (await Client.GetAsync("/api/stats/stuck")).Ok();
        ((int?)stuck["threshold_minutes"]).ShouldBe(60);
        stuck["jobs"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Progress_of_the_completed_job_is_100_percent_with_its_counts()
    {
        // Requirement rows arrive through the agent's telemetry, a moment after the outcome.
        var progress = await Eventually.UntilAsync(async () =>
        {
            var response = (await Client.GetAsync($"/api/jobs/{fixture.JobId}/progress")).Ok();
            return response["requirements_by_status"] is JsonObject counts && counts.Sum(c => (long?)c.Value ?? 0) == StatisticsFixture.Requirements
                ? response
                : null;
        }, Patience, "the job's requirements counted by status");

        ((string?)progress["job_id"]).ShouldBe(fixture.JobId.ToString());
        ((string?)progress["status"]).ShouldBe("completed");
        ((double?)progress["progress_percent"]).ShouldBe(100);
        ((int?)progress["total_requirements"]).ShouldBe(StatisticsFixture.Requirements);
        ((int?)progress["processed_requirements"]).ShouldBe(StatisticsFixture.Requirements);
        ((long?)progress["eta_seconds"]).ShouldBe(0);
        ((string?)progress["message"]).ShouldNotBeNull();

        (await Client.GetAsync($"/api/jobs/{Guid.NewGuid()}/progress")).Status.ShouldBe(HttpStatusCode.NotFound);
        var badId = await Client.GetAsync("/api/jobs/not-a-job/progress");
        badId.Status.ShouldBe(HttpStatusCode.BadRequest);
        badId.Json!["errors"]!["id"].ShouldNotBeNull();
    }

    [Fact]
    public async Task The_table_browser_lists_allowed_tables_and_pages_through_jobs()
    {
        var tables = (await Client.GetAsync("/api/tables")).Ok().AsArray();
        var names = tables.Select(t => (string?)t!["name"]).ToList();
        names.ShouldContain("jobs");
        names.ShouldContain("agents");
        names.ShouldNotContain(n => n!.StartsWith("orleans", StringComparison.OrdinalIgnoreCase));
        names.ShouldNotContain("schemaversions");

        var page = await Eventually.UntilAsync(async () =>
        {
            var response = (await Client.GetAsync("/api/tables/jobs?offset=0&limit=1")).Ok();
            return (string?)response["rows"]!.AsArray().FirstOrDefault()?["status"] == "completed" ? response : null;
        }, Patience, "the completed job's row in /api/tables/jobs");
        ((string?)page["table"]).ShouldBe("jobs");
        ((long?)page["total"]).ShouldBe(1);
        ((int?)page["limit"]).ShouldBe(1);
        page["columns"]!.AsArray().Select(c => (string?)c!["name"]).ShouldContain("prompt");
        var row = page["rows"]!.AsArray().ShouldHaveSingleItem()!;
        ((string?)row["id"]).ShouldBe(fixture.JobId.ToString());
        ((string?)row["prompt"]).ShouldBe("Count me");

        var next = (await Client.GetAsync("/api/tables/jobs?offset=1&limit=1")).Ok();
        next["rows"]!.AsArray().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/api/stats/daily?days=0", "days")]
    [InlineData("/api/stats/daily?days=91", "days")]
    [InlineData("/api/stats/daily?days=seven", "days")]
    [InlineData("/api/stats/daily?days=1&days=2", "days")]
    [InlineData("/api/stats/stuck?threshold_minutes=0", "threshold_minutes")]
    [InlineData("/api/stats/stuck?threshold_minutes=1;DROP%20TABLE%20jobs", "threshold_minutes")]
    [InlineData("/api/tables/jobs?limit=201", "limit")]
    [InlineData("/api/tables/jobs?limit=0", "limit")]
    [InlineData("/api/tables/jobs?offset=-1", "offset")]
    [InlineData("/api/tables/jobs?offset=0%3BDROP%20TABLE%20jobs", "offset")]
    public async Task Bad_parameters_are_answered_400_naming_the_field(string path, string field)
    {
        var response = await Client.GetAsync(path);

        response.Status.ShouldBe(HttpStatusCode.BadRequest, response.Text);
        response.Json!["errors"]![field].ShouldNotBeNull(response.Text);
    }

    [Theory]
    [InlineData("jobs%3B%20DROP%20TABLE%20jobs")]
    [InlineData("jobs%22%3B%20DROP%20TABLE%20jobs%3B%20--")]
    [InlineData("orleansquery")]
    [InlineData("schemaversions")]
    [InlineData("read_model_tombstones")]
    [InlineData("JOBS")]
    public async Task Table_names_off_the_allow_list_are_not_found_and_change_nothing(string name)
    {
        var response = await Client.GetAsync($"/api/tables/{name}");

        response.Status.ShouldBe(HttpStatusCode.NotFound, response.Text);
        var jobs = (await Client.GetAsync("/api/tables/jobs")).Ok();
        ((long?)jobs["total"]).ShouldBe(1);
        (await Client.JobAsync(fixture.JobId)).ShouldNotBeNull();
    }

    [Fact]
    public async Task The_config_catalog_validates_the_repository_configs_and_explains_the_broken_ones()
    {
        var configs = (await Client.GetAsync("/api/configs")).Ok().AsArray().Select(c => c!.AsObject()).ToDictionary(c => (string)c["name"]!);

        var repositoryConfigs = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "config", "agents"), "*.yaml")
            .Select(Path.GetFileNameWithoutExtension).ToList();
        repositoryConfigs.ShouldContain("default");
        repositoryConfigs.Count.ShouldBeGreaterThanOrEqualTo(2);
        foreach (var name in repositoryConfigs)
        {
            var config = configs[name!];
            ((bool?)config["valid"]).ShouldBe(true, $"{name}: {config["errors"]?.ToJsonString()}");
            config["errors"]!.AsArray().ShouldBeEmpty();
        }

        var defaults = configs["default"]["settings"]!;
        ((string?)defaults["llm"]!["model"]).ShouldBe("openai/gpt-4o");
        ((double?)defaults["llm"]!["temperature"]).ShouldBe(0);
        ((int?)defaults["workspace"]!["max_read_words"]).ShouldBe(25000);
        // A named config overrides one key and keeps the other defaults.
        var fast = configs["fast-draft"]["settings"]!;
        ((string?)fast["llm"]!["model"]).ShouldBe("openai/gpt-4o-mini");
        ((int?)fast["workspace"]!["max_read_words"]).ShouldBe(25000);

        var broken = configs["broken-yaml"];
        ((bool?)broken["valid"]).ShouldBe(false);
        ((string?)broken["errors"]!.AsArray().ShouldHaveSingleItem()).ShouldNotBeNull().ShouldContain("not valid YAML");
        broken["settings"].ShouldBeNull();

        var outOfRange = configs["out-of-range"];
        ((bool?)outOfRange["valid"]).ShouldBe(false);
        var errors = outOfRange["errors"]!.AsArray().Select(e => (string)e!).ToList();
        errors.ShouldContain(e => e.StartsWith("llm.temperature:", StringComparison.Ordinal), string.Join("\n", errors));
        errors.ShouldContain(e => e.StartsWith("workspace.max_read_words:", StringComparison.Ordinal), string.Join("\n", errors));
        errors.ShouldContain(e => e.Contains("typo_section", StringComparison.Ordinal), string.Join("\n", errors));

        var one = (await Client.GetAsync("/api/configs/default")).Ok();
        ((bool?)one["valid"]).ShouldBe(true);
        (await Client.GetAsync("/api/configs/no-such-config")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await Client.GetAsync("/api/configs/..%2Fschema")).Status.ShouldBe(HttpStatusCode.NotFound);
    }
}

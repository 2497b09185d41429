using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cockpit.EndToEnd.Tests.Support;
using Npgsql;

namespace Cockpit.EndToEnd.Tests.Observability;

/// <summary>/metrics, the push-latency histogram, JSON logs, LOG_LEVEL, OTLP export and the dashboard, on a real silo.</summary>
public sealed class ObservabilityTests(ObservabilityFixture fixture) : IClassFixture<ObservabilityFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private SiloProcess Silo => fixture.Silo;

    [Fact]
    public async Task Metrics_count_agents_and_jobs_by_status_and_heartbeats_and_follow_changes()
    {
        // A config of its own makes this agent's series exact whatever other agents do.
        var config = "metrics-" + Guid.NewGuid().ToString("N")[..8];
        (string, string) Agents(string status) => ("status", status);

        // A baseline where the job gauge and the REST list (the same read model) agree.
        var before = await Eventually.UntilAsync(async () =>
        {
            var scrape = await ObservabilityScrape.ReadAsync(Silo.BaseAddress);
            return scrape.Value("cockpit_jobs", ("status", "created")) == await CreatedJobsAsync() ? scrape : null;
        }, Patience, "cockpit_jobs to agree with /api/jobs");
        before.Has("cockpit_jobs_stuck").ShouldBeTrue(before.Text);

        var registered = (await Silo.Client.PostJsonAsync("/api/agents/register",
            new { config_name = config, hostname = config + "-pod", pod_ip = "127.0.0.1", pod_port = 9 })).Ok();
        var agentId = (string)registered["agent_id"]!;
        await Eventually.UntilAsync(async () =>
        {
            var scrape = await ObservabilityScrape.ReadAsync(Silo.BaseAddress);
            return scrape.Value("cockpit_agents", ("config_name", config), Agents("booting")) == 1
                && scrape.Value("cockpit_agents", ("config_name", config), Agents("ready")) == 0;
        }, Patience, $"cockpit_agents{{config_name={config},status=booting}} to be 1", () => Silo.Tail(20));

        (await Silo.Client.PostJsonAsync($"/api/agents/{agentId}/heartbeat", new { status = "ready" })).Status.ShouldBe(HttpStatusCode.OK);
        (await Silo.Client.PostJsonAsync("/api/agents/not-a-uuid/heartbeat", new { status = "ready" })).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await Silo.Client.PostJsonAsync($"/api/agents/{Guid.NewGuid()}/heartbeat", new { status = "ready" })).Status.ShouldBe(HttpStatusCode.NotFound);
        await Silo.Client.CreateJobAsync(new { prompt = "Count me in the metrics" });

        var after = await Eventually.UntilAsync(async () =>
        {
            var scrape = await ObservabilityScrape.ReadAsync(Silo.BaseAddress);
            var created = await CreatedJobsAsync();
            return scrape.Value("cockpit_agents", ("config_name", config), Agents("ready")) == 1
                && scrape.Value("cockpit_agents", ("config_name", config), Agents("booting")) == 0
                && created == before.Value("cockpit_jobs", ("status", "created")) + 1
                && scrape.Value("cockpit_jobs", ("status", "created")) == created ? scrape : null;
        }, Patience, "the heartbeat to move the agent to ready and the job to count as created", () => Silo.Tail(20));

        // The reference agent heartbeats every second too, so "ok" only grows; nobody else sends unknown ids or bad ones.
        after.Value("cockpit_agent_heartbeats_total", ("outcome", "ok")).ShouldBeGreaterThan(before.Value("cockpit_agent_heartbeats_total", ("outcome", "ok")));
        after.Value("cockpit_agent_heartbeats_total", ("outcome", "unknown_agent")).ShouldBe(before.Value("cockpit_agent_heartbeats_total", ("outcome", "unknown_agent")) + 1);
        after.Value("cockpit_agent_heartbeats_total", ("outcome", "rejected")).ShouldBe(before.Value("cockpit_agent_heartbeats_total", ("outcome", "rejected")) + 1);
        after.Value("cockpit_read_model_counts_age_seconds").ShouldBeLessThan(10);

        // Orleans, ASP.NET Core and Npgsql publish through the same endpoint.
        after.Has("orleans_catalog_activations").ShouldBeTrue();
        after.Has("http_server_request_duration_seconds_count").ShouldBeTrue();
        after.Has("db_client_operation_duration_seconds_count").ShouldBeTrue();
    }

    private async Task<long> CreatedJobsAsync() => (long)(await Silo.Client.GetAsync("/api/jobs?status=created&limit=1")).Ok()["total"]!;

    [Fact]
    public async Task A_push_to_an_agent_is_timed_in_the_push_latency_histogram()
    {
        const string name = "cockpit_agent_push_duration_seconds";
        (string, string)[] acceptedStart = [("command", "start"), ("outcome", "accepted")];
        var before = await ObservabilityScrape.ReadAsync(Silo.BaseAddress);

        var job = await Silo.Client.CreateJobAsync(new { prompt = "Push me", document_path = fixture.System.WriteRequirementsDocument(1) });
        var assigned = await Silo.Client.AssignAsync(job, fixture.AgentId);
        assigned.Status.ShouldBe(HttpStatusCode.OK, assigned.Text);

        // The exporter serves a scrape from its cache for 300 ms, so read until the push shows, then check it is exactly one.
        var after = await Eventually.UntilAsync(async () =>
        {
            var scrape = await ObservabilityScrape.ReadAsync(Silo.BaseAddress);
            return scrape.Value(name + "_count", acceptedStart) > before.Value(name + "_count", acceptedStart) ? scrape : null;
        }, Patience, "the push in the histogram");
        after.Value(name + "_count", acceptedStart).ShouldBe(before.Value(name + "_count", acceptedStart) + 1, after.Text);
        var seconds = after.Value(name + "_sum", acceptedStart) - before.Value(name + "_sum", acceptedStart);
        seconds.ShouldBeInRange(0.000_001, 10);
        after.Value(name + "_bucket", [.. acceptedStart, ("le", "+Inf")]).ShouldBe(after.Value(name + "_count", acceptedStart));

        await Eventually.UntilAsync(() => Silo.Client.JobInStatusAsync(job, "completed"), Patience, "the pushed job to complete",
            () => fixture.Agent.Tail());
    }

    [Fact]
    public async Task Queue_gauges_follow_pending_jobs_and_a_dispatched_job_counts_its_wait_and_its_attempt()
    {
        // A job no agent can take (a selector nobody carries) waits in the queue of jobs without a config: "any".
        (string, string) any = ("config_name", "any");
        var waiting = await Silo.Client.CreateJobAsync(new { prompt = "Wait in the queue", dispatch = "auto", selector = new { pool = "nobody-" + Guid.NewGuid().ToString("N")[..8] } });
        await Eventually.UntilAsync(async () =>
        {
            var scrape = await ObservabilityScrape.ReadAsync(Silo.BaseAddress);
            var pending = (long)(await Silo.Client.GetAsync("/api/jobs?status=pending&limit=1")).Ok()["total"]!;
            return pending >= 1 && scrape.Value("cockpit_queue_depth", any) == pending && scrape.Value("cockpit_queue_oldest_wait_seconds", any) > 0;
        }, Patience, "cockpit_queue_depth{config_name=any} to count the pending job and its wait to grow", () => Silo.Tail(20));

        // Cancelled while pending, it leaves the queue without having made an attempt.
        (await Silo.Client.CancelAsync(waiting)).Status.ShouldBe(HttpStatusCode.OK);
        var before = await Eventually.UntilAsync(async () =>
        {
            var scrape = await ObservabilityScrape.ReadAsync(Silo.BaseAddress);
            return scrape.Value("cockpit_queue_depth", any) == 0 && scrape.Value("cockpit_queue_oldest_wait_seconds", any) == 0 ? scrape : null;
        }, Patience, "the queue to be empty again");

        // A job the agent can take starts (one wait, enqueue → start) and completes (one attempt, completed). Its
        // config keeps it off the unreachable agents other cases register (any agent may take a job without one).
        var job = await Silo.Client.CreateJobAsync(new
        {
            prompt = "Dispatch me", document_path = fixture.System.WriteRequirementsDocument(1), dispatch = "auto", config_name = "default",
        });
        await Eventually.UntilAsync(() => Silo.Client.JobInStatusAsync(job, "completed"), Patience, "the queued job to be dispatched and complete",
            () => fixture.Agent.Tail() + "\n" + Silo.Tail(40));
        (string, string) completed = ("outcome", "completed");
        var after = await Eventually.UntilAsync(async () =>
        {
            var scrape = await ObservabilityScrape.ReadAsync(Silo.BaseAddress);
            return scrape.Value("cockpit_job_attempts_total", completed) > before.Value("cockpit_job_attempts_total", completed) ? scrape : null;
        }, Patience, "the ended attempt in cockpit_job_attempts_total");
        after.Value("cockpit_job_attempts_total", completed).ShouldBe(before.Value("cockpit_job_attempts_total", completed) + 1, after.Text);
        after.Value("cockpit_job_attempts_total", ("outcome", "cancelled")).ShouldBe(before.Value("cockpit_job_attempts_total", ("outcome", "cancelled")));
        after.Value("cockpit_job_wait_seconds_count").ShouldBe(before.Value("cockpit_job_wait_seconds_count") + 1, after.Text);
        var waited = after.Value("cockpit_job_wait_seconds_sum") - before.Value("cockpit_job_wait_seconds_sum");
        waited.ShouldBeInRange(0, 30);
        after.Value("cockpit_job_wait_seconds_bucket", ("le", "+Inf")).ShouldBe(after.Value("cockpit_job_wait_seconds_count"));
    }

    [Fact]
    public async Task A_job_without_progress_past_the_threshold_counts_as_stuck()
    {
        var job = await Silo.Client.CreateJobAsync(new { prompt = "Get stuck" });
        (await ObservabilityScrape.ReadAsync(Silo.BaseAddress)).Value("cockpit_jobs_stuck").ShouldBe(0);

        // What the read model shows for a job whose agent went quiet two hours ago; the 60-minute default applies.
        await using (var db = new NpgsqlConnection(fixture.System.Database.ConnectionString))
        {
            await db.OpenAsync();
            await using var stick = new NpgsqlCommand(
                "UPDATE jobs SET status = 'processing', last_progress_at = now() - interval '2 hours', updated_at = now() - interval '2 hours' WHERE id = $1",
                db) { Parameters = { new NpgsqlParameter { Value = job } } };
            (await stick.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        await Eventually.UntilAsync(async () =>
        {
            var scrape = await ObservabilityScrape.ReadAsync(Silo.BaseAddress);
            var processing = (long)(await Silo.Client.GetAsync("/api/jobs?status=processing&limit=1")).Ok()["total"]!;
            return scrape.Value("cockpit_jobs_stuck") == 1 && processing >= 1 && scrape.Value("cockpit_jobs", ("status", "processing")) == processing;
        }, Patience, "cockpit_jobs_stuck to be 1");
    }

    [Fact]
    public async Task With_LOG_FORMAT_json_every_log_line_is_one_JSON_object_and_LOG_LEVEL_sets_the_default_level()
    {
        // The metrics refresher logs each read at Debug: shown only because LOG_LEVEL=debug beats the harness's
        // Logging__LogLevel__Default=Information.
        var entries = await Eventually.UntilAsync(() =>
        {
            var parsed = LogLines().Select(ParseLogLine).ToList();
            return Task.FromResult(parsed.Any(e => (string?)e["LogLevel"] == "Debug"
                && (string?)e["Category"] == "Cockpit.Silo.Observability.ReadModelMetricsRefresher") ? parsed : null);
        }, Patience, "a Debug entry in the silo's log", () => Silo.Tail(40));

        entries.Count.ShouldBeGreaterThan(5);
        foreach (var entry in entries)
        {
            entry["Timestamp"].ShouldNotBeNull();
            entry["Category"].ShouldNotBeNull();
            entry["Message"].ShouldNotBeNull();
        }
        // Logging__LogLevel__Orleans=Warning (set by the harness) is more specific than LOG_LEVEL, so it still holds.
        entries.Where(e => ((string?)e["Category"])!.StartsWith("Orleans", StringComparison.Ordinal))
            .Select(e => (string?)e["LogLevel"]).ShouldAllBe(level => level == "Warning" || level == "Error" || level == "Critical");
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_traces_metrics_and_logs_are_exported()
    {
        var agent = new SimulatedAgent("traced-sim-" + Guid.NewGuid().ToString("N")[..6]);
        await agent.RegisterAsync(Silo.Client);
        (await agent.HeartbeatAsync(Silo.Client)).Status.ShouldBe(HttpStatusCode.OK);

        var collector = fixture.Collector;
        await Eventually.UntilAsync(() => Task.FromResult(
                collector.Received("/v1/traces", "cockpit-silo", "/api/agents/{id}/heartbeat", "Microsoft.Orleans.Application", "Npgsql")
                && collector.Received("/v1/metrics", "cockpit.agents", "cockpit.agent.heartbeats")
                && collector.Received("/v1/logs", "cockpit-silo")),
            Patience, "spans (ASP.NET Core, Orleans, Npgsql), metrics and logs at the collector", collector.Summary);
    }

    [Fact]
    public async Task The_orleans_dashboard_is_served_at_dashboard_when_enabled()
    {
        using var admin = new CockpitClient(Silo.BaseAddress);
        // The dashboard shows the whole cluster: admin only; a guest (operator in the tests) is told to sign in.
        (await admin.GetAsync("/dashboard/")).Status.ShouldBe(HttpStatusCode.Unauthorized);
        await admin.SignInAsync("admin");
        var page = await admin.GetAsync("/dashboard/");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Text.ShouldContain("<title>Orleans Dashboard</title>");

        // Its data comes from the dashboard's grains: the silo runs them.
        var counters = await admin.GetAsync("/dashboard/DashboardCounters");
        counters.Status.ShouldBe(HttpStatusCode.OK);
        counters.MediaType.ShouldBe("application/json");
    }

    [Fact]
    public async Task A_bad_observability_setting_stops_the_silo_with_the_setting_named()
    {
        var failure = await Should.ThrowAsync<InvalidOperationException>(() =>
            fixture.System.StartSiloAsync(new Dictionary<string, string> { ["LOG_FORMAT"] = "xml" }));
        failure.Message.ShouldContain("LOG_FORMAT='xml'");
    }

    private IEnumerable<string> LogLines() =>
        Silo.Tail(2000).Split('\n').Skip(1).Where(line => line.Length > 0);

    private static JsonObject ParseLogLine(string line)
    {
        try
        {
            return JsonNode.Parse(line) as JsonObject ?? throw new ShouldAssertException("not a JSON object: " + line);
        }
        catch (JsonException)
        {
            throw new ShouldAssertException("not a JSON log line: " + line);
        }
    }
}

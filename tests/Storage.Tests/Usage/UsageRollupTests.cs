using System.Text.Json;
using Cockpit.Grains.Usage;
using Cockpit.Protocol.Telemetry;
using Cockpit.Storage.Live;
using Cockpit.Storage.Telemetry;
using Cockpit.Storage.Telemetry.Audit;
using Cockpit.Storage.Telemetry.Graph;
using Cockpit.Storage.Telemetry.Ingestion;
using Cockpit.Storage.Telemetry.Requirements;
using Cockpit.Storage.Tests.Support;
using Cockpit.Storage.Tests.Telemetry;
using Cockpit.Storage.Usage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cockpit.Storage.Tests.Usage;

/// <summary>Cost fixed at ingestion and the incremental roll-ups, over real PostgreSQL.</summary>
public sealed class UsageRollupTests : FreshDatabaseTest
{
    private readonly FixedPriceBook _prices = new(new PriceTable(new Dictionary<string, ModelPrice>
    {
        ["cockpit-demo"] = new(1.00m, 2.00m),
        ["gpt-4o"] = new(2.50m, 10.00m, 1.25m),
    }));

    private TelemetryIngestion Ingestion => new(
        new PostgresAuditStore(Database.DataSource), new PostgresRequirementStore(Database.DataSource), new PostgresGraphStore(Database.DataSource),
        _prices, new UsageLedger(Database.DataSource, new UsageMetrics(TestMeters.Factory), new JobUsageMemo(new UsageQueries(Database.DataSource, TimeProvider.System), TimeProvider.System)), new RecordingHub(),
        Options.Create(new TelemetryOptions()), TimeProvider.System, NullLogger<TelemetryIngestion>.Instance);

    private UsageQueries Queries => new(Database.DataSource, TimeProvider.System);

    private static object Call(Guid job, string model, int tokensIn, int tokensOut, DateTimeOffset at, string? answeredBy = null, int cached = 0) => new
    {
        id = Guid.NewGuid(),
        job_id = job,
        step_type = "llm",
        at = at.ToString("O"),
        name = model,
        request = new { model, messages = new[] { new { role = "user", content = "hi " + Guid.NewGuid() } } },
        response = new { model = answeredBy ?? model, usage = new { prompt_tokens = tokensIn, completion_tokens = tokensOut, prompt_tokens_details = new { cached_tokens = cached } } },
        tokens_in = tokensIn,
        tokens_out = tokensOut,
    };

    private async Task<TelemetryIngestResult> IngestAsync(Guid agent, string config, params object[] audit)
    {
        var ingestion = Ingestion;
        var body = JsonSerializer.Deserialize<TelemetryBatchRequest>(JsonSerializer.Serialize(new { audit }), WireJson.Options)!;
        var errors = new Dictionary<string, string[]>();
        var batch = ingestion.Validate(agent, body, errors) ?? throw new InvalidOperationException(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(",", e.Value)}")));
        return await ingestion.StoreAsync(batch, config);
    }

    [Fact]
    public async Task A_jobs_usage_is_the_sum_of_its_calls_each_priced_at_ingestion_and_a_resend_counts_nothing_twice()
    {
        var job = Guid.NewGuid();
        var agent = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        object[] calls = [Call(job, "cockpit-demo", 1000, 100, now), Call(job, "cockpit-demo", 2000, 50, now.AddSeconds(1)),
            Call(job, "gpt-4o", 1_000, 1_000, now.AddSeconds(2), answeredBy: "gpt-4o-2024-08-06", cached: 400)];

        var first = await IngestAsync(agent, "extractor", calls);
        var again = await IngestAsync(agent, "extractor", calls);

        // 1000×1 + 100×2 = 1200 µ$; 2000 + 100 = 2100 µ$; 600×2.5 + 400×1.25 + 1000×10 = 12000 µ$.
        var usage = await Queries.JobAsync(job);
        usage.Total.ShouldBe(new UsageFigures(3, 0, 4000, 1150, 0.0153m));
        usage.ByModel.Select(m => (m.Model, m.Usage.Calls, m.Usage.CostUsd)).ShouldBe([("gpt-4o-2024-08-06", 1L, (decimal?)0.012m), ("cockpit-demo", 2L, 0.0033m)]);
        first.Usage.Jobs.ShouldBe([new JobUsageTotals(job, 3, 0, 4000, 1150, 0.0153m)]);
        again.Usage.ShouldBe(UsageRecorded.None);
        var trail = await new PostgresAuditStore(Database.DataSource).LlmCallsAsync(job, 10);
        trail.Sum(e => e.CostUsd!.Value).ShouldBe(usage.Total.CostUsd!.Value);
        trail.Sum(e => (long)e.TokensIn!.Value).ShouldBe(usage.Total.TokensIn);
    }

    [Fact]
    public async Task Calls_of_unpriced_models_count_in_tokens_and_as_unpriced_never_as_zero_dollars()
    {
        var job = Guid.NewGuid();
        var mixed = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await IngestAsync(Guid.NewGuid(), "c", Call(job, "my-finetune", 500, 20, now), Call(mixed, "my-finetune", 10, 10, now), Call(mixed, "cockpit-demo", 1_000_000, 0, now));

        var unpriced = await Queries.JobAsync(job);
        unpriced.Total.ShouldBe(new UsageFigures(1, 1, 500, 20, null));
        (await new PostgresAuditStore(Database.DataSource).LlmCallsAsync(job, 1)).Single().CostUsd.ShouldBeNull();
        var partly = await Queries.JobAsync(mixed);
        partly.Total.ShouldBe(new UsageFigures(2, 1, 1_000_010, 10, 1.00m));
        partly.ByModel.Single(m => m.Model == "my-finetune").Usage.CostUsd.ShouldBeNull();
    }

    [Fact]
    public async Task Top_jobs_are_the_ten_costliest_with_calls_in_the_window_summed_over_models_and_batches()
    {
        var agent = Guid.NewGuid();
        var today = DateTimeOffset.UtcNow;
        // Job i costs i dollars (i million cockpit-demo input tokens); job 12's cost comes in two batches and two models.
        var jobs = Enumerable.Range(1, 12).Select(_ => Guid.NewGuid()).ToArray();
        for (var i = 1; i <= 11; i++) await IngestAsync(agent, "c", Call(jobs[i - 1], "cockpit-demo", i * 1_000_000, 0, today));
        await IngestAsync(agent, "c", Call(jobs[11], "cockpit-demo", 6_000_000, 0, today));
        await IngestAsync(agent, "c", Call(jobs[11], "gpt-4o", 2_800_000, 0, today.AddSeconds(1)));
        // The costliest job of all is outside a 7-day window.
        await IngestAsync(agent, "c", Call(Guid.NewGuid(), "cockpit-demo", 50_000_000, 0, today.AddDays(-10)));

        var top = (await Queries.StatisticsAsync(7, UsageGroupBy.Config)).TopJobs;

        top.Select(j => j.Usage.CostUsd).ShouldBe([13.00m, 11m, 10m, 9m, 8m, 7m, 6m, 5m, 4m, 3m]);
        top[0].JobId.ShouldBe(jobs[11]);
        top[0].Usage.ShouldBe(new UsageFigures(2, 0, 8_800_000, 0, 13.00m));
        top[0].ConfigName.ShouldBe("c");
    }

    [Fact]
    public async Task A_price_change_applies_to_later_calls_only()
    {
        var job = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await IngestAsync(Guid.NewGuid(), "c", Call(job, "cockpit-demo", 1_000_000, 0, now));
        _prices.Current = new PriceTable(new Dictionary<string, ModelPrice> { ["cockpit-demo"] = new(3.00m, 3.00m) });
        await IngestAsync(Guid.NewGuid(), "c", Call(job, "cockpit-demo", 1_000_000, 0, now.AddSeconds(1)));

        (await Queries.JobAsync(job)).Total.CostUsd.ShouldBe(4.00m);
    }

    [Fact]
    public async Task Statistics_group_the_windows_days_by_config_model_or_agent_and_leave_older_days_out()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var (job1, job2, old) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var today = DateTimeOffset.UtcNow;
        await IngestAsync(a, "extractor", Call(job1, "cockpit-demo", 1_000_000, 0, today), Call(job1, "gpt-4o", 1_000_000, 0, today.AddDays(-1)));
        await IngestAsync(b, "drafter", Call(job2, "cockpit-demo", 500_000, 0, today), Call(old, "cockpit-demo", 9_000_000, 0, today.AddDays(-10)));

        var byConfig = await Queries.StatisticsAsync(7, UsageGroupBy.Config);
        byConfig.Groups.Select(g => (g.Key, g.Usage.CostUsd)).ShouldBe([("extractor", (decimal?)3.50m), ("drafter", 0.50m)]);
        byConfig.Total.ShouldBe(new UsageFigures(3, 0, 2_500_000, 0, 4.00m));
        byConfig.Daily.Count.ShouldBe(3);
        byConfig.TopJobs.Select(j => (j.JobId, j.Usage.CostUsd)).ShouldBe([(job1, (decimal?)3.50m), (job2, 0.50m)]);

        (await Queries.StatisticsAsync(7, UsageGroupBy.Model)).Groups.Select(g => (g.Key, g.Usage.CostUsd)).ShouldBe([("gpt-4o", (decimal?)2.50m), ("cockpit-demo", 1.50m)]);
        (await Queries.StatisticsAsync(7, UsageGroupBy.Agent)).Groups.Select(g => g.Key).ShouldBe([a.ToString(), b.ToString()]);
        (await Queries.StatisticsAsync(1, UsageGroupBy.Config)).Total.CostUsd.ShouldBe(1.50m);
        (await Queries.StatisticsAsync(30, UsageGroupBy.Config)).Total.CostUsd.ShouldBe(13.00m);
    }
}

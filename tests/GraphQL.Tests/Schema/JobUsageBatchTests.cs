using Cockpit.GraphQL.Tests.Support;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Cockpit.Grains.Budgets;
using Cockpit.GraphQL.Tests.Security;
using Cockpit.Security;
using Cockpit.Storage.Migrations;
using Cockpit.Storage.ReadModel;
using Cockpit.Storage.Usage;
using Cockpit.TestSupport;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cockpit.GraphQL.Tests.Schema;

/// <summary>
/// <c>Job.usage</c> over a page of jobs (ADR 27), on a real PostgreSQL with the real migrations, schema and memo: one
/// usage query for the page, counted from Npgsql's own command tracing, and the same figures as the single read.
/// </summary>
public sealed class JobUsageBatchTests(JobUsageBatchTests.Database database) : IClassFixture<JobUsageBatchTests.Database>, IAsyncLifetime
{
    private const string PageQuery = """
        { jobs(first: 100) { nodes { id usage {
            total { calls unpricedCalls tokensIn tokensOut costUsd }
            byModel { model usage { calls unpricedCalls tokensIn tokensOut costUsd } }
            firstCallAt lastCallAt shareUsed { cost tokens } } } } }
        """;

    private const string TraceName = "Cockpit.GraphQL.Tests.JobUsageBatch";

    private static readonly ActivitySource Tests = new(TraceName);

    private readonly NpgsqlDataSource _dataSource = database.DataSource;

    /// <summary>One migrated database for the class; each test starts with empty tables.</summary>
    public sealed class Database() : MigratedDatabaseFixture("gqlusage");

    public async Task InitializeAsync()
    {
        await using var truncate = _dataSource.CreateCommand("TRUNCATE jobs, job_timeline, llm_calls, llm_usage_daily, llm_usage_jobs, llm_usage_job_totals");
        await truncate.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_page_of_jobs_reads_their_usage_with_one_query_and_the_same_figures_as_one_job_at_a_time()
    {
        // 30 jobs: every third has no calls, some have two models, one has only unpriced calls, some have a budget.
        var jobs = new List<Guid>();
        var calls = new List<LlmCall>();
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        for (var i = 0; i < 30; i++)
        {
            var job = await InsertJobAsync(i, i % 4 == 0 ? new JobBudget(0.05m, 10_000) : null);
            jobs.Add(job);
            if (i % 3 == 0) continue;
            calls.Add(Call(job, "cockpit-demo", 100 * i, 10 * i, i == 7 ? null : 0.001m * i, at.AddSeconds(i)));
            if (i % 2 == 0) calls.Add(Call(job, "gpt-4o", 50, 5 + i, i == 7 ? null : 0.02m, at.AddSeconds(i + 1)));
        }
        await Ledger().RecordAsync(calls);

        var (result, usageQueries) = await ExecuteCountingAsync(NewServices(), PageQuery);

        result["errors"].ShouldBeNull();
        var nodes = result["data"]!["jobs"]!["nodes"]!.AsArray();
        nodes.Count.ShouldBe(30);
        usageQueries.ShouldBe(1, "one usage query for the page, not one per job");

        // The same page resolved one job at a time, with REST's own read: equal in every field, jobs without calls included.
        var single = new UsageQueries(_dataSource, TimeProvider.System);
        var readModel = new JobReadModel(_dataSource);
        foreach (var node in nodes)
        {
            var id = Guid.Parse((string)node!["id"]!);
            var job = (await readModel.GetAsync(id))!;
            var expected = (await single.JobAsync(id)).WithBudget(Cockpit.Commands.Jobs.JobView.From(job).Budget);
            Describe(node["usage"]!).ShouldBe(Describe(expected), $"job {id}");
        }
        nodes.Count(n => (long)n!["usage"]!["total"]!["calls"]! == 0).ShouldBe(10);
        nodes.Count(n => n!["usage"]!["shareUsed"] is not null).ShouldBe(8);
    }

    [Fact]
    public async Task Usage_read_one_job_at_a_time_would_be_seen_as_one_query_per_job()
    {
        // The counter itself: resolving a page's usage job by job (what the loader replaces) counts one query each.
        for (var i = 0; i < 5; i++) await InsertJobAsync(i, null);
        var queries = new UsageQueries(_dataSource, TimeProvider.System);

        var page = await new JobReadModel(_dataSource).SearchAsync(new JobSearchQuery(First: 100));

        var counted = await CountUsageQueriesAsync(async () =>
        {
            foreach (var job in page.Items) await queries.JobAsync(job.Id);
        });

        counted.ShouldBe(5);
    }

    [Fact]
    public async Task A_later_execution_in_the_same_scope_reads_calls_ingested_in_between()
    {
        // A subscription's scope lives as long as the subscription: its loader must not keep the first event's figures.
        var job = await InsertJobAsync(0, null);
        var services = NewServices();
        await using var scope = services.CreateAsyncScope();
        var first = await ExecuteAsync(scope.ServiceProvider, PageQuery);
        ((long)first["data"]!["jobs"]!["nodes"]![0]!["usage"]!["total"]!["calls"]!).ShouldBe(0);

        // Through the silo's ledger, which makes its memo forget the job.
        await Ledger(services.GetRequiredService<JobUsageMemo>()).RecordAsync([Call(job, "cockpit-demo", 10, 1, 0.5m, DateTimeOffset.UtcNow)]);

        var second = await ExecuteAsync(scope.ServiceProvider, PageQuery);
        ((long)second["data"]!["jobs"]!["nodes"]![0]!["usage"]!["total"]!["calls"]!).ShouldBe(1);
    }

    [Fact]
    public async Task Many_subscribers_executing_one_jobs_change_at_once_cost_one_usage_query_between_them()
    {
        // What a jobChanged notice does with ten people watching: ten executions, each in its own scope, for one job.
        var job = await InsertJobAsync(0, null);
        await Ledger().RecordAsync([Call(job, "cockpit-demo", 10, 1, 0.5m, DateTimeOffset.UtcNow)]);
        // The memo's clock stands still, so a loaded machine cannot stretch the executions past its lifetime.
        var services = NewServices(new StoppedClock());

        var counted = await CountUsageQueriesAsync(() => Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var result = await ExecuteAsync(scope.ServiceProvider, PageQuery);
            ((long)result["data"]!["jobs"]!["nodes"]![0]!["usage"]!["total"]!["calls"]!).ShouldBe(1);
        }))));

        counted.ShouldBe(1, "one usage query for the job, not one per subscriber");
    }

    private ServiceProvider NewServices(TimeProvider? memoClock = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCockpitGraphQL(new ConfigurationBuilder().Build());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new JobReadModel(_dataSource));
        services.AddSingleton(new UsageQueries(_dataSource, TimeProvider.System));
        services.AddSingleton(sp => new JobUsageMemo(sp.GetRequiredService<UsageQueries>(), memoClock ?? TimeProvider.System));
        return services.BuildServiceProvider();
    }

    private UsageLedger Ledger(JobUsageMemo? memo = null) => new(_dataSource,
        new UsageMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>()),
        memo ?? new JobUsageMemo(new UsageQueries(_dataSource, TimeProvider.System), TimeProvider.System));

    private async Task<(JsonNode Result, int UsageQueries)> ExecuteCountingAsync(ServiceProvider services, string query)
    {
        JsonNode? result = null;
        var counted = await CountUsageQueriesAsync(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            result = await ExecuteAsync(scope.ServiceProvider, query);
        });
        return (result!, counted);
    }

    /// <summary>
    /// Commands that read <c>llm_usage_jobs</c> while <paramref name="run"/> runs, from Npgsql's tracing (an activity per
    /// command), counting only those of this run's trace so that other tests running meanwhile do not count.
    /// </summary>
    private static async Task<int> CountUsageQueriesAsync(Func<Task> run)
    {
        var count = 0;
        ActivityTraceId trace = default;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" || source.Name == TraceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql" && activity.TraceId == trace
                    && activity.TagObjects.Any(t => t.Value is string text && text.Contains("FROM llm_usage_jobs", StringComparison.Ordinal)))
                {
                    Interlocked.Increment(ref count);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using (var root = Tests.StartActivity("usage page") ?? throw new InvalidOperationException("the test's activity was not sampled"))
        {
            trace = root.TraceId;
            await run();
        }
        return Volatile.Read(ref count);
    }

    private static async Task<JsonNode> ExecuteAsync(IServiceProvider services, string query)
    {
        var result = await services.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            RequestServices = services,
            User = TestPrincipals.Session(CockpitRole.Viewer),
        });
        return JsonNode.Parse(services.GetRequiredService<IGraphQLTextSerializer>().Serialize(result))!;
    }

    /// <summary>The page's usage of one job, every selected field, in one comparable line.</summary>
    private static string Describe(JsonNode usage)
    {
        static string Figures(JsonNode f) =>
            $"{(long)f["calls"]!}/{(long)f["unpricedCalls"]!}/{(long)f["tokensIn"]!}/{(long)f["tokensOut"]!}/{Number(f["costUsd"])}";
        static string Number(JsonNode? n) => n is null ? "null" : n.GetValue<decimal>().ToString("0.#############", System.Globalization.CultureInfo.InvariantCulture);
        static string Time(JsonNode? n) => n is null ? "null" : DateTimeOffset.Parse((string)n!, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var models = string.Join(",", usage["byModel"]!.AsArray().Select(m => $"{(string)m!["model"]!}={Figures(m["usage"]!)}"));
        var share = usage["shareUsed"] is { } s ? $"{Number(s["cost"])}~{Number(s["tokens"])}" : "none";
        return $"{Figures(usage["total"]!)} [{models}] {Time(usage["firstCallAt"])}..{Time(usage["lastCallAt"])} share {share}";
    }

    /// <summary>The same line from the record REST answers with.</summary>
    private static string Describe(JobUsage usage)
    {
        static string Figures(UsageFigures f) => $"{f.Calls}/{f.UnpricedCalls}/{f.TokensIn}/{f.TokensOut}/{Number(f.CostUsd)}";
        // As GraphQL's Float carries it.
        static string Number(decimal? n) => n is { } d ? ((decimal)(double)d).ToString("0.#############", System.Globalization.CultureInfo.InvariantCulture) : "null";
        static string Time(DateTimeOffset? t) => t?.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null";
        var models = string.Join(",", usage.ByModel.Select(m => $"{m.Model}={Figures(m.Usage)}"));
        var share = usage.ShareUsed is { } s ? $"{Number(s.Cost)}~{Number(s.Tokens)}" : "none";
        return $"{Figures(usage.Total)} [{models}] {Time(usage.FirstCallAt)}..{Time(usage.LastCallAt)} share {share}";
    }

    private static LlmCall Call(Guid job, string model, long tokensIn, long tokensOut, decimal? cost, DateTimeOffset at) =>
        new(Guid.NewGuid(), job, Guid.NewGuid(), "extractor", model, at, tokensIn, tokensOut, cost, "hash-" + Guid.NewGuid());

    private async Task<Guid> InsertJobAsync(int i, JobBudget? budget)
    {
        var id = Guid.NewGuid();
        await using var command = _dataSource.CreateCommand("""
            INSERT INTO jobs (id, prompt, status, created_at, updated_at, version, budget_max_cost_usd, budget_max_tokens)
            VALUES ($1, $2, 'created', $3, $3, 1, $4, $5)
            """);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue($"job {i}");
        command.Parameters.AddWithValue(DateTimeOffset.UtcNow.AddSeconds(-i));
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)budget?.MaxCostUsd ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Numeric });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)budget?.MaxTokens ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        await command.ExecuteNonQueryAsync();
        return id;
    }

    /// <summary>A clock that never moves.</summary>
    private sealed class StoppedClock : TimeProvider
    {
        private readonly long _now = System.GetTimestamp();

        public override long GetTimestamp() => _now;
    }
}

using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cockpit.Bench.Infrastructure;
using Cockpit.Bench.Measurement;
using Cockpit.Bench.Results;
using Npgsql;

namespace Cockpit.Bench.Scenarios;

/// <summary>
/// LLM usage statistics (issue 14): GraphQL <c>stats.usage(days: 7)</c> — totals, groups, cost per day and group, the
/// top jobs — read from the roll-up tables when they stand for 5 million calls over 7 days. The roll-ups are seeded
/// directly with generated rows (day × config × model × agent, job × model and job totals), as ingestion would have left them;
/// the per-call ledger is not filled, since no read touches it. No baseline: the issue sets an absolute target.
/// </summary>
public sealed class UsageScenario : IScenario
{
    private const int Configs = 20;
    private const int Models = 8;
    private const int Agents = 250;
    private const int ModelsPerAgent = 2;
    private const int Days = 7;
    private const int Warmup = 30;
    private static readonly string[] GroupBys = ["CONFIG", "MODEL", "AGENT"];

    private const string Query = """
        query($groupBy: UsageGroupBy) { stats { usage(days: 7, groupBy: $groupBy) {
          days total { calls unpricedCalls tokens costUsd }
          groups { key usage { calls tokens costUsd } }
          daily { day key usage { calls costUsd } }
          topJobs { jobId configName usage { calls costUsd } } } } }
        """;

    public string Name => "usage";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context)
    {
        var s = context.Settings;
        await using var database = await BenchContext.CreateDatabaseAsync("bench_usage");
        await using var node = await SiloNode.StartAsync(database.ConnectionString, BenchContext.NewClusterId(Name), context.WorkspaceRoot);

        var seeding = Stopwatch.StartNew();
        var (dailyRows, jobRows) = await SeedAsync(database.ConnectionString, s.UsageCalls, s.UsageJobs);
        BenchContext.Log($"usage: seeded {dailyRows:N0} daily and {jobRows:N0} job roll-up rows for {s.UsageCalls:N0} calls in {seeding.Elapsed.TotalSeconds:0.0} s");

        using var http = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var latency = new LatencyRecorder();
        for (var i = 0; i < Warmup + s.UsageQueries; i++)
        {
            var groupBy = GroupBys[i % GroupBys.Length];
            var sent = Stopwatch.GetTimestamp();
            var usage = await QueryAsync(http, groupBy);
            var elapsed = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            // The answer must hold every seeded call, or the figure would time a wrong (or empty) read.
            var calls = (long)usage["total"]!["calls"]!.GetValue<double>();
            if (calls != s.UsageCalls) throw new InvalidOperationException($"stats.usage counted {calls:N0} calls, {s.UsageCalls:N0} were seeded");
            if (usage["topJobs"]!.AsArray().Count == 0) throw new InvalidOperationException("stats.usage listed no top jobs");
            if (i >= Warmup) latency.Record(elapsed);
        }
        var summary = latency.Summarize();
        BenchContext.Log($"usage: stats.usage over {Days} days: {summary}");

        var how = $"GraphQL stats.usage(days: 7) with totals, groups, cost per day and group and the top jobs, one request at a time "
            + $"({s.UsageQueries} timed after {Warmup} unmeasured, group by config, model and agent in turn), with the roll-ups standing for "
            + $"{s.UsageCalls:N0} calls over 7 days: {dailyRows:N0} rows of day × config × model × agent ({Configs} configs, {Models} models, "
            + $"{Agents} agents) and {jobRows:N0} rows of job × model ({s.UsageJobs:N0} jobs), seeded directly rather than ingested. "
            + "A request sums the daily rows of the window and walks the job totals' cost index to the tenth job with calls in the window (ADR 19): "
            + "its cost grows with configs × models × agents × days, not with calls or jobs.";
        return
        [
            new BenchResult(Name, "stats.usage 7 days p50", summary.P50, "ms"),
            new BenchResult(Name, "stats.usage 7 days p99", summary.P99, "ms", Targets: [Target.AtMost(100)], Note: how),
        ];
    }

    private static async Task<JsonNode> QueryAsync(HttpClient http, string groupBy)
    {
        var body = JsonSerializer.Serialize(new { query = Query, variables = new { groupBy } });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/graphql", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"stats.usage: {(int)response.StatusCode} {text}");
        var json = JsonNode.Parse(text)!;
        if (json["errors"] is JsonArray { Count: > 0 } errors) throw new InvalidOperationException("stats.usage: " + errors.ToJsonString());
        return json["data"]!["stats"]!["usage"]!;
    }

    /// <summary>
    /// Roll-up rows as ingestion leaves them for <paramref name="calls"/> calls: every agent (one config each) calls two
    /// models every day; every job calls two models, its calls ending on one of the 7 days. The last model is unpriced.
    /// </summary>
    private static async Task<(long Daily, long Jobs)> SeedAsync(string connectionString, long calls, int jobs)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var dailyRows = (long)Days * Agents * ModelsPerAgent;
        var jobRows = (long)jobs * ModelsPerAgent;
        var perDailyRow = calls / dailyRows;
        var perJobRow = calls / jobRows;
        // What is left after the even split goes to the first row, so the totals are exactly `calls`.
        var dailyRest = calls - perDailyRow * dailyRows;
        var jobRest = calls - perJobRow * jobRows;
        await using (var daily = new NpgsqlCommand($"""
            INSERT INTO llm_usage_daily (day, config_name, model, agent_id, calls, unpriced_calls, tokens_in, tokens_out, cost_usd)
            SELECT (now() AT TIME ZONE 'utc')::date - d, 'config-' || (a % {Configs}), 'model-' || ((a + m) % {Models}),
                   ('00000000-0000-4000-8000-' || lpad(a::text, 12, '0'))::uuid,
                   c, CASE WHEN (a + m) % {Models} = {Models - 1} THEN c ELSE 0 END, c * 1200, c * 300,
                   CASE WHEN (a + m) % {Models} = {Models - 1} THEN 0 ELSE c * 0.0021 END
            FROM generate_series(0, {Days - 1}) d, generate_series(0, {Agents - 1}) a, generate_series(0, {ModelsPerAgent - 1}) m,
                 LATERAL (SELECT {perDailyRow} + CASE WHEN d = 0 AND a = 0 AND m = 0 THEN {dailyRest} ELSE 0 END AS c) x
            """, connection))
        {
            daily.CommandTimeout = 600;
            await daily.ExecuteNonQueryAsync();
        }
        await using (var jobsCommand = new NpgsqlCommand($"""
            INSERT INTO llm_usage_jobs (job_id, model, config_name, calls, unpriced_calls, tokens_in, tokens_out, cost_usd, first_at, last_at)
            SELECT ('10000000-0000-4000-8000-' || lpad(j::text, 12, '0'))::uuid, 'model-' || ((j + m) % {Models}), 'config-' || (j % {Configs}),
                   c, CASE WHEN (j + m) % {Models} = {Models - 1} THEN c ELSE 0 END, c * 1200, c * 300,
                   CASE WHEN (j + m) % {Models} = {Models - 1} THEN 0 ELSE c * (0.0015 + (j % 97) * 0.00002) END,
                   t - interval '20 minutes', t
            FROM generate_series(0, {jobs - 1}) j, generate_series(0, {ModelsPerAgent - 1}) m,
                 LATERAL (SELECT {perJobRow} + CASE WHEN j = 0 AND m = 0 THEN {jobRest} ELSE 0 END AS c,
                                 now() - (j % {Days * 24 * 60}) * interval '1 minute' - interval '1 minute' AS t) x
            """, connection))
        {
            jobsCommand.CommandTimeout = 600;
            await jobsCommand.ExecuteNonQueryAsync();
        }
        // The per-job totals as the ledger keeps them beside the job × model rows (ADR 19).
        await using (var totals = new NpgsqlCommand("""
            INSERT INTO llm_usage_job_totals (job_id, config_name, calls, unpriced_calls, tokens_in, tokens_out, cost_usd, last_at)
            SELECT job_id, min(config_name), sum(calls), sum(unpriced_calls), sum(tokens_in), sum(tokens_out), sum(cost_usd), max(last_at)
            FROM llm_usage_jobs GROUP BY job_id
            """, connection))
        {
            totals.CommandTimeout = 600;
            await totals.ExecuteNonQueryAsync();
        }
        await using (var analyze = new NpgsqlCommand("ANALYZE llm_usage_daily; ANALYZE llm_usage_jobs; ANALYZE llm_usage_job_totals", connection))
            await analyze.ExecuteNonQueryAsync();
        return (dailyRows, jobRows);
    }
}

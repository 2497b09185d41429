using Cockpit.Storage.Statistics;
using Npgsql;

namespace Cockpit.Storage.Usage;

/// <summary>Reads the usage roll-ups: a few aggregate rows per request, never the calls themselves.</summary>
public sealed class UsageQueries(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public const int TopJobs = 10;

    public async Task<JobUsage> JobAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT model, calls, unpriced_calls, tokens_in, tokens_out, cost_usd, first_at, last_at
            FROM llm_usage_jobs WHERE job_id = $1 ORDER BY cost_usd DESC, model
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = jobId });
        var rows = new JobUsageRows(jobId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) AddRow(rows, reader, 0);
        return rows.ToUsage();
    }

    /// <summary>
    /// The usage of each of <paramref name="jobIds"/> in one query (ADR 27: a page of jobs or a live event costs one
    /// query, not one per job); a job without calls gets <see cref="JobUsage.None"/>. Figures equal <see cref="JobAsync"/>'s.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, JobUsage>> JobsAsync(IReadOnlyCollection<Guid> jobIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobIds);
        var ids = jobIds.Distinct().ToArray();
        if (ids.Length == 0) return new Dictionary<Guid, JobUsage>();
        await using var command = dataSource.CreateCommand("""
            SELECT job_id, model, calls, unpriced_calls, tokens_in, tokens_out, cost_usd, first_at, last_at
            FROM llm_usage_jobs WHERE job_id = ANY($1) ORDER BY job_id, cost_usd DESC, model
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        var byJob = ids.ToDictionary(id => id, id => new JobUsageRows(id));
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) AddRow(byJob[reader.GetGuid(0)], reader, 1);
        }
        return byJob.ToDictionary(p => p.Key, p => p.Value.ToUsage());
    }

    private static void AddRow(JobUsageRows rows, NpgsqlDataReader reader, int at) =>
        rows.Add(reader.GetString(at), reader.GetInt64(at + 1), reader.GetInt64(at + 2), reader.GetInt64(at + 3), reader.GetInt64(at + 4),
            reader.GetDecimal(at + 5), reader.GetFieldValue<DateTimeOffset>(at + 6), reader.GetFieldValue<DateTimeOffset>(at + 7));

    public async Task<UsageStatistics> StatisticsAsync(int days, UsageGroupBy groupBy, CancellationToken cancellationToken = default)
    {
        var window = StatisticsWindow.Ending(clock.GetUtcNow(), days);
        var from = window.FirstDay;
        var column = UsageGroupByNames.Column(groupBy);
        await using var batch = dataSource.CreateBatch();
        var daily = new NpgsqlBatchCommand($"""
            SELECT day, {column}, sum(calls)::bigint, sum(unpriced_calls)::bigint, sum(tokens_in)::bigint, sum(tokens_out)::bigint, sum(cost_usd)
            FROM llm_usage_daily WHERE day >= $1 GROUP BY day, {column} ORDER BY day, {column}
            """);
        daily.Parameters.Add(new NpgsqlParameter { Value = from });
        // The job totals' cost index, read until the tenth job with calls in the window (ADR 19): no sum over every job.
        var top = new NpgsqlBatchCommand($"""
            SELECT job_id, config_name, calls, unpriced_calls, tokens_in, tokens_out, cost_usd
            FROM llm_usage_job_totals WHERE last_at >= $1 ORDER BY cost_usd DESC, (tokens_in + tokens_out) DESC, job_id LIMIT {TopJobs}
            """);
        top.Parameters.Add(new NpgsqlParameter { Value = window.Start });
        batch.BatchCommands.Add(daily);
        batch.BatchCommands.Add(top);

        var rows = new List<(DateOnly Day, string Key, long Calls, long Unpriced, long In, long Out, decimal Cost)>();
        var topJobs = new List<TopJobUsage>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add((reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetDecimal(6)));
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            topJobs.Add(new TopJobUsage(reader.GetGuid(0), reader.GetString(1),
                UsageFigures.From(reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetDecimal(6))));

        static UsageFigures Sum(IEnumerable<(DateOnly Day, string Key, long Calls, long Unpriced, long In, long Out, decimal Cost)> r)
        {
            var list = r.ToList();
            return UsageFigures.From(list.Sum(x => x.Calls), list.Sum(x => x.Unpriced), list.Sum(x => x.In), list.Sum(x => x.Out), list.Sum(x => x.Cost));
        }
        var groups = rows.GroupBy(r => r.Key).Select(g => new UsageGroup(g.Key, Sum(g)))
            .OrderByDescending(g => g.Usage.CostUsd ?? 0m).ThenByDescending(g => g.Usage.Tokens).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        return new UsageStatistics(days, UsageGroupByNames.Name(groupBy), from, Sum(rows), groups,
            rows.Select(r => new DailyUsage(r.Day, r.Key, UsageFigures.From(r.Calls, r.Unpriced, r.In, r.Out, r.Cost))).ToList(), topJobs);
    }
}

using Cockpit.Grains;
using Cockpit.Grains.Jobs;
using Npgsql;
using NpgsqlTypes;

namespace Cockpit.Storage.Statistics;

/// <summary>
/// The statistics SQL, over the read-model tables <c>jobs</c> and <c>agents</c> (eventually consistent with the
/// grains). Counts are by a job's current row: a deleted job leaves the statistics, and a job that failed and was
/// resumed to completion counts once, as completed. The arithmetic lives in pure classes (<see cref="DailyBuckets"/>,
/// <see cref="AgentWorkforce"/>, <see cref="StuckJobRule"/>).
/// </summary>
public sealed class StatisticsQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Most stuck jobs one query returns (longest stuck first): enough for any alert list a person reads.</summary>
    public const int MaxStuckJobs = 500;

    /// <summary>Characters of a stuck job's prompt returned; the whole prompt is one job lookup away.</summary>
    public const int PromptPreviewLength = 200;

    // A job's outcome time is completed_at, or updated_at where the grain sets no completion time (cancel).
    // The expression and the status list match idx_jobs_finished_at (migration 0020), so the index applies.
    private const string DailySql = """
        SELECT (created_at AT TIME ZONE 'UTC')::date AS day, 'created' AS outcome, count(*) AS n
        FROM jobs
        WHERE created_at >= $1 AND created_at < $2
        GROUP BY 1
        UNION ALL
        SELECT (COALESCE(completed_at, updated_at) AT TIME ZONE 'UTC')::date, status, count(*)
        FROM jobs
        WHERE status IN ('completed', 'failed', 'cancelled')
          AND COALESCE(completed_at, updated_at) >= $1 AND COALESCE(completed_at, updated_at) < $2
        GROUP BY 1, 2
        """;

    private const string StuckSql = """
        SELECT j.id, left(j.prompt, $3), j.config_name, j.assigned_agent_id, a.hostname, a.status,
               COALESCE(j.last_progress_at, j.updated_at) AS since, j.processed_requirements, j.total_requirements
        FROM jobs j
        LEFT JOIN agents a ON a.id = j.assigned_agent_id
        WHERE j.status = 'processing' AND COALESCE(j.last_progress_at, j.updated_at) <= $1
        ORDER BY since, j.id
        LIMIT $2
        """;

    /// <summary>Jobs created and finished per UTC day, for the <paramref name="days"/> days ending today.</summary>
    /// <param name="days"><see cref="StatisticsWindow.MinDays"/> to <see cref="StatisticsWindow.MaxDays"/>.</param>
    public async Task<DailyJobStatistics> DailyAsync(int days, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var window = StatisticsWindow.Ending(now, days);
        await using var command = dataSource.CreateCommand(DailySql);
        command.Parameters.Add(new NpgsqlParameter { Value = window.Start, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = window.End, NpgsqlDbType = NpgsqlDbType.TimestampTz });

        var rows = new List<DailyOutcomeCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new DailyOutcomeCount(reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetInt64(2)));
        }
        return DailyBuckets.Fill(window, rows);
    }

    /// <summary>Jobs per status right now, every status present.</summary>
    public async Task<QueueMetrics> QueueAsync(CancellationToken cancellationToken = default)
    {
        var byStatus = Enum.GetValues<JobStatus>().ToDictionary(s => s.ToWire(), _ => 0L, StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand("SELECT status, count(*) FROM jobs GROUP BY status");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // A status this build does not know still shows, rather than vanishing from the total.
            var status = reader.GetString(0);
            byStatus[status] = byStatus.GetValueOrDefault(status) + reader.GetInt64(1);
        }
        return new QueueMetrics(byStatus, byStatus.Values.Sum());
    }

    /// <summary>Agents by status, overall and per config name.</summary>
    public async Task<AgentWorkforce> WorkforceAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT config_name, status, count(*) FROM agents GROUP BY 1, 2");
        var rows = new List<AgentStatusCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AgentStatusCount(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }
        return AgentWorkforce.From(rows);
    }

    /// <summary>
    /// Processing jobs without progress (last report, else last change) for <paramref name="thresholdMinutes"/> or
    /// more at <paramref name="now"/>, longest stuck first, at most <see cref="MaxStuckJobs"/>.
    /// </summary>
    public async Task<IReadOnlyList<StuckJob>> StuckJobsAsync(int thresholdMinutes, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var cutoff = StuckJobRule.Cutoff(now, thresholdMinutes);
        await using var command = dataSource.CreateCommand(StuckSql);
        command.Parameters.Add(new NpgsqlParameter { Value = cutoff, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = MaxStuckJobs, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = PromptPreviewLength, NpgsqlDbType = NpgsqlDbType.Integer });

        var jobs = new List<StuckJob>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var since = reader.GetFieldValue<DateTimeOffset>(6);
            jobs.Add(new StuckJob(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetGuid(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                since,
                StuckJobRule.MinutesSince(now, since),
                reader.IsDBNull(7) ? null : reader.GetInt32(7),
                reader.IsDBNull(8) ? null : reader.GetInt32(8)));
        }
        return jobs;
    }
}

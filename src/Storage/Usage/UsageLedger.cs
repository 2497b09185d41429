using Npgsql;
using NpgsqlTypes;

namespace Cockpit.Storage.Usage;

/// <summary>
/// Counts LLM calls into the roll-ups (<c>llm_usage_daily</c>, <c>llm_usage_jobs</c>, <c>llm_usage_job_totals</c>) incrementally, in one
/// transaction with the ledger of counted calls (<c>llm_calls</c>): a call is counted once however often its batch
/// is resent, and reading usage sums a few aggregate rows instead of scanning calls. Once committed, the jobs counted
/// are forgotten by this silo's <see cref="JobUsageMemo"/>, so no one is shown their usage from before.
/// </summary>
public sealed class UsageLedger(NpgsqlDataSource dataSource, UsageMetrics metrics, JobUsageMemo memo)
{
    public async Task<UsageRecorded> RecordAsync(IReadOnlyList<LlmCall> calls, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calls);
        if (calls.Count == 0) return UsageRecorded.None;
        var distinct = calls.DistinctBy(c => c.AuditId).ToList();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = new HashSet<Guid>();
        await using (var ledger = new NpgsqlCommand("""
            INSERT INTO llm_calls (audit_id, job_id, at)
            SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[])
            ON CONFLICT (audit_id) DO NOTHING
            RETURNING audit_id
            """, connection, transaction))
        {
            ledger.Parameters.Add(new NpgsqlParameter { Value = distinct.Select(c => c.AuditId).ToArray() });
            ledger.Parameters.Add(new NpgsqlParameter { Value = distinct.Select(c => c.JobId).ToArray() });
            ledger.Parameters.Add(new NpgsqlParameter { Value = distinct.Select(c => c.At).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
            await using var reader = await ledger.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) inserted.Add(reader.GetGuid(0));
        }
        var fresh = distinct.Where(c => inserted.Contains(c.AuditId)).ToList();
        if (fresh.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return UsageRecorded.None;
        }

        await UpsertDailyAsync(connection, transaction, fresh, cancellationToken);
        await UpsertJobsAsync(connection, transaction, fresh, cancellationToken);
        await UpsertJobTotalsAsync(connection, transaction, fresh, cancellationToken);
        var totals = await JobTotalsAsync(connection, transaction, fresh.Select(c => c.JobId).Distinct().ToArray(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        memo.Forget(fresh.Select(c => c.JobId).Distinct());
        metrics.Record(fresh);
        return new UsageRecorded(fresh, totals);
    }

    // Rows in key order, so that two batches touching the same keys lock them in the same order and never deadlock.
    private static async Task UpsertDailyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<LlmCall> calls, CancellationToken cancellationToken)
    {
        var rows = calls.GroupBy(c => (Day: DateOnly.FromDateTime(c.At.UtcDateTime), c.ConfigName, c.Model, c.AgentId))
            .OrderBy(g => g.Key.Day).ThenBy(g => g.Key.ConfigName, StringComparer.Ordinal).ThenBy(g => g.Key.Model, StringComparer.Ordinal).ThenBy(g => g.Key.AgentId)
            .ToList();
        await using var command = new NpgsqlCommand("""
            INSERT INTO llm_usage_daily AS u (day, config_name, model, agent_id, calls, unpriced_calls, tokens_in, tokens_out, cost_usd)
            SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::uuid[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[], $9::numeric[])
            ON CONFLICT (day, config_name, model, agent_id) DO UPDATE SET
                calls = u.calls + excluded.calls, unpriced_calls = u.unpriced_calls + excluded.unpriced_calls,
                tokens_in = u.tokens_in + excluded.tokens_in, tokens_out = u.tokens_out + excluded.tokens_out,
                cost_usd = u.cost_usd + excluded.cost_usd
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(g => g.Key.Day).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(g => g.Key.ConfigName).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(g => g.Key.Model).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(g => g.Key.AgentId).ToArray() });
        AddSums(command, rows);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task UpsertJobsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<LlmCall> calls, CancellationToken cancellationToken)
    {
        var rows = calls.GroupBy(c => (c.JobId, c.Model)).OrderBy(g => g.Key.JobId).ThenBy(g => g.Key.Model, StringComparer.Ordinal).ToList();
        await using var command = new NpgsqlCommand("""
            INSERT INTO llm_usage_jobs AS u (job_id, model, calls, unpriced_calls, tokens_in, tokens_out, cost_usd, config_name, first_at, last_at)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::numeric[], $8::text[], $9::timestamptz[], $10::timestamptz[])
            ON CONFLICT (job_id, model) DO UPDATE SET
                calls = u.calls + excluded.calls, unpriced_calls = u.unpriced_calls + excluded.unpriced_calls,
                tokens_in = u.tokens_in + excluded.tokens_in, tokens_out = u.tokens_out + excluded.tokens_out,
                cost_usd = u.cost_usd + excluded.cost_usd,
                first_at = LEAST(u.first_at, excluded.first_at), last_at = GREATEST(u.last_at, excluded.last_at)
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(g => g.Key.JobId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(g => g.Key.Model).ToArray() });
        AddSums(command, rows);
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(g => g.First().ConfigName).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(g => g.Min(c => c.At)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(g => g.Max(c => c.At)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // One row per job over all its models (ADR 19): what "top jobs by cost" walks by its cost index.
    private static async Task UpsertJobTotalsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<LlmCall> calls, CancellationToken cancellationToken)
    {
        var rows = calls.GroupBy(c => c.JobId).OrderBy(g => g.Key).ToList();
        await using var command = new NpgsqlCommand("""
            INSERT INTO llm_usage_job_totals AS u (job_id, calls, unpriced_calls, tokens_in, tokens_out, cost_usd, config_name, last_at)
            SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::numeric[], $7::text[], $8::timestamptz[])
            ON CONFLICT (job_id) DO UPDATE SET
                calls = u.calls + excluded.calls, unpriced_calls = u.unpriced_calls + excluded.unpriced_calls,
                tokens_in = u.tokens_in + excluded.tokens_in, tokens_out = u.tokens_out + excluded.tokens_out,
                cost_usd = u.cost_usd + excluded.cost_usd, last_at = GREATEST(u.last_at, excluded.last_at)
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(g => g.Key).ToArray() });
        AddSums(command, rows);
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(g => g.First().ConfigName).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(g => g.Max(c => c.At)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddSums<TKey>(NpgsqlCommand command, List<IGrouping<TKey, LlmCall>> rows)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(g => (long)g.Count()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(g => (long)g.Count(c => c.CostUsd is null)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(g => g.Sum(c => c.TokensIn)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(g => g.Sum(c => c.TokensOut)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(g => g.Sum(c => c.CostUsd ?? 0m)).ToArray() });
    }

    private static async Task<IReadOnlyList<JobUsageTotals>> JobTotalsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] jobs, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT job_id, calls, unpriced_calls, tokens_in, tokens_out, cost_usd
            FROM llm_usage_job_totals WHERE job_id = ANY($1)
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = jobs });
        var totals = new List<JobUsageTotals>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            totals.Add(new JobUsageTotals(reader.GetGuid(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetDecimal(5)));
        return totals;
    }
}

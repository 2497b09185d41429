using Cockpit.Grains;
using Cockpit.Grains.Jobs;
using Cockpit.Storage.Paging;
using Npgsql;
using NpgsqlTypes;

namespace Cockpit.Storage.ReadModel;

/// <summary>Queries over the <c>jobs</c> table (eventually consistent with the job grains).</summary>
public sealed partial class JobReadModel(NpgsqlDataSource dataSource)
{
    /// <summary>Largest page <see cref="ListAsync"/> returns; larger limits are cut to this.</summary>
    public const int MaxLimit = 500;

    /// <summary>Page size when the caller does not say.</summary>
    public const int DefaultLimit = 50;

    private const string Columns = """
        id, prompt, document_path, document_dir, config_name, context, instructions, status, assigned_agent_id,
        created_at, updated_at, completed_at, error_message, error_details, total_requirements,
        processed_requirements, progress_message, last_progress_at, version,
        dispatch, priority, selector, concurrency_key, max_attempts, retry_backoff_seconds, timeout_seconds,
        queued_at, not_before, attempts,
        budget_max_cost_usd, budget_max_tokens, budget_warning, looping
        """;

    /// <summary>
    /// Jobs newest first (by creation time, then id, so pages do not overlap), with the total count matching
    /// the filter. A null or empty <paramref name="statuses"/> means every status.
    /// </summary>
    /// <param name="limit">Page size, 1 or more; capped at <see cref="MaxLimit"/>.</param>
    /// <param name="offset">Rows to skip, 0 or more.</param>
    public async Task<JobPage> ListAsync(
        IReadOnlyCollection<JobStatus>? statuses = null,
        int limit = DefaultLimit,
        int offset = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        limit = Math.Min(limit, MaxLimit);

        var filter = statuses is { Count: > 0 } ? "WHERE status = ANY($1)" : "WHERE $1::text[] IS NULL";
        var statusParameter = new NpgsqlParameter
        {
            Value = statuses is { Count: > 0 } ? statuses.Select(s => s.ToWire()).Distinct().ToArray() : DBNull.Value,
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text,
        };

        await using var batch = dataSource.CreateBatch();
        var page = new NpgsqlBatchCommand($"SELECT {Columns} FROM jobs {filter} ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3");
        page.Parameters.Add(statusParameter);
        page.Parameters.Add(new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlDbType.Integer });
        page.Parameters.Add(new NpgsqlParameter { Value = offset, NpgsqlDbType = NpgsqlDbType.Integer });
        var count = new NpgsqlBatchCommand($"SELECT count(*) FROM jobs {filter}");
        count.Parameters.Add(statusParameter.Clone());
        batch.BatchCommands.Add(page);
        batch.BatchCommands.Add(count);

        var (rows, total) = await PageAndCount.ReadAsync(batch, Map, cancellationToken);
        return new JobPage(rows, total);
    }

    /// <summary>The job's row, or null when there is none (never created, deleted, or not projected yet).</summary>
    public async Task<JobRow?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM jobs WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id, NpgsqlDbType = NpgsqlDbType.Uuid });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Map(reader) : null;
    }

    private static JobRow Map(NpgsqlDataReader r) => new(
        r.GetGuid(0),
        r.GetString(1),
        r.GetNullableString(2),
        r.GetNullableString(3),
        r.GetNullableString(4),
        r.GetNullableString(5),
        r.GetNullableString(6),
        r.GetString(7),
        r.GetNullableGuid(8),
        r.GetNullableTimestamp(9),
        r.GetNullableTimestamp(10),
        r.GetNullableTimestamp(11),
        r.GetNullableString(12),
        r.GetNullableString(13),
        r.GetNullableInt32(14),
        r.GetNullableInt32(15),
        r.GetNullableString(16),
        r.GetNullableTimestamp(17),
        r.GetInt64(18),
        DispatchColumns.Read(r.GetString(19), r.GetInt32(20), r.GetNullableString(21), r.GetNullableString(22),
            r.GetNullableInt32(23), r.GetNullableInt32(24), r.GetNullableInt32(25), r.GetNullableTimestamp(26),
            r.GetNullableTimestamp(27), r.GetNullableString(28)))
    {
        BudgetMaxCostUsd = r.IsDBNull(29) ? null : r.GetDecimal(29),
        BudgetMaxTokens = r.IsDBNull(30) ? null : r.GetInt64(30),
        BudgetWarning = r.GetBoolean(31),
        Looping = r.GetBoolean(32),
    };
}

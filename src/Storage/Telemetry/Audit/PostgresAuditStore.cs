using Cockpit.Storage.Paging;
using Cockpit.Storage.ReadModel;
using Npgsql;
using NpgsqlTypes;

namespace Cockpit.Storage.Telemetry.Audit;

/// <summary>The default audit trail: the <c>audit_entries</c> table.</summary>
public sealed class PostgresAuditStore(NpgsqlDataSource dataSource) : IAuditStore
{
    private const string SummaryColumns = """
        id, job_id, agent_id, step_type, at, name, summary, request->>'model', duration_ms, tokens_in, tokens_out, error,
        request IS NOT NULL, response IS NOT NULL, cost_usd
        """;

    private const string FullColumns = """
        id, job_id, agent_id, step_type, at, name, summary, request::text, response::text, duration_ms, tokens_in, tokens_out, error, cost_usd
        """;

    public string Backend => "postgres";

    public async Task<IReadOnlyList<Guid>> AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0) return [];

        // One round trip; a batch runs as one implicit transaction, so a failure stores none of it.
        await using var batch = dataSource.CreateBatch();
        foreach (var e in entries)
        {
            var insert = new NpgsqlBatchCommand("""
                INSERT INTO audit_entries (id, job_id, agent_id, step_type, at, name, summary, request, response, duration_ms, tokens_in, tokens_out, error, cost_usd)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                ON CONFLICT (id) DO NOTHING
                """);
            insert.Parameters.Add(new NpgsqlParameter { Value = e.Id, NpgsqlDbType = NpgsqlDbType.Uuid });
            insert.Parameters.Add(new NpgsqlParameter { Value = e.JobId, NpgsqlDbType = NpgsqlDbType.Uuid });
            insert.Parameters.Add(new NpgsqlParameter { Value = e.AgentId, NpgsqlDbType = NpgsqlDbType.Uuid });
            insert.Parameters.Add(new NpgsqlParameter { Value = e.StepType, NpgsqlDbType = NpgsqlDbType.Varchar });
            insert.Parameters.Add(new NpgsqlParameter { Value = e.At, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(Text(e.Name));
            insert.Parameters.Add(Text(e.Summary));
            insert.Parameters.Add(JsonColumns.Parameter(e.Request));
            insert.Parameters.Add(JsonColumns.Parameter(e.Response));
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)e.DurationMs ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)e.TokensIn ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)e.TokensOut ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
            insert.Parameters.Add(Text(e.Error));
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)e.CostUsd ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Numeric });
            batch.BatchCommands.Add(insert);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);

        var stored = new List<Guid>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (batch.BatchCommands[i].RecordsAffected > 0) stored.Add(entries[i].Id);
        }
        return stored;
    }

    public async Task<AuditPage> ListAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = query.EffectiveLimit;
        var types = query.StepTypes is { Count: > 0 } ? query.StepTypes.ToArray() : null;
        var typeFilter = "($2::text[] IS NULL OR step_type = ANY($2))";
        var (comparison, direction) = query.NewestFirst ? ("<", "DESC") : (">", "ASC");
        var keyset = query.After is null ? "" : $"AND (at, id) {comparison} ($3, $4)";

        await using var batch = dataSource.CreateBatch();
        // One row more than asked tells whether another page follows.
        var page = new NpgsqlBatchCommand($"""
            SELECT {SummaryColumns} FROM audit_entries
            WHERE job_id = $1 AND {typeFilter} {keyset}
            ORDER BY at {direction}, id {direction}
            LIMIT {limit + 1}
            """);
        page.Parameters.Add(new NpgsqlParameter { Value = query.JobId, NpgsqlDbType = NpgsqlDbType.Uuid });
        page.Parameters.Add(TypesParameter(types));
        if (query.After is { } after)
        {
            page.Parameters.Add(new NpgsqlParameter { Value = after.At, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            page.Parameters.Add(new NpgsqlParameter { Value = after.Id, NpgsqlDbType = NpgsqlDbType.Uuid });
        }
        var count = new NpgsqlBatchCommand($"SELECT count(*) FROM audit_entries WHERE job_id = $1 AND {typeFilter}");
        count.Parameters.Add(new NpgsqlParameter { Value = query.JobId, NpgsqlDbType = NpgsqlDbType.Uuid });
        count.Parameters.Add(TypesParameter(types));
        batch.BatchCommands.Add(page);
        batch.BatchCommands.Add(count);

        var (items, total) = await PageAndCount.ReadAsync(batch, reader => new AuditEntrySummary(
            reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4),
            reader.GetNullableString(5), reader.GetNullableString(6), reader.GetNullableString(7),
            reader.IsDBNull(8) ? null : reader.GetInt64(8), reader.GetNullableInt32(9), reader.GetNullableInt32(10),
            reader.GetNullableString(11), reader.GetBoolean(12), reader.GetBoolean(13))
        {
            CostUsd = reader.IsDBNull(14) ? null : reader.GetDecimal(14),
        }, cancellationToken);

        AuditCursor? next = null;
        if (items.Count > limit)
        {
            items.RemoveAt(items.Count - 1);
            next = new AuditCursor(items[^1].At, items[^1].Id);
        }
        return new AuditPage(items, next, total);
    }

    public async Task<AuditEntry?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {FullColumns} FROM audit_entries WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id, NpgsqlDbType = NpgsqlDbType.Uuid });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadFull(reader) : null;
    }

    public async Task<IReadOnlyList<AuditEntry>> LlmCallsAsync(Guid jobId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var command = dataSource.CreateCommand($"""
            SELECT {FullColumns} FROM audit_entries
            WHERE job_id = $1 AND step_type = '{AuditStepTypes.Llm}'
            ORDER BY at, id
            LIMIT $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = jobId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlDbType.Integer });
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) entries.Add(ReadFull(reader));
        return entries;
    }

    public async Task<IReadOnlyDictionary<string, long>> CountsAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT step_type, count(*) FROM audit_entries WHERE job_id = $1 GROUP BY step_type");
        command.Parameters.Add(new NpgsqlParameter { Value = jobId, NpgsqlDbType = NpgsqlDbType.Uuid });
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    private static AuditEntry ReadFull(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4),
        r.GetNullableString(5), r.GetNullableString(6), JsonColumns.Read(r, 7), JsonColumns.Read(r, 8),
        r.IsDBNull(9) ? null : r.GetInt64(9), r.GetNullableInt32(10), r.GetNullableInt32(11), r.GetNullableString(12))
    {
        CostUsd = r.IsDBNull(13) ? null : r.GetDecimal(13),
    };

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter TypesParameter(string[]? types) =>
        new() { Value = (object?)types ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };
}

using Cockpit.Storage.Paging;
using Cockpit.Storage.ReadModel;
using Npgsql;
using NpgsqlTypes;

namespace Cockpit.Storage.Telemetry.Requirements;

/// <summary>The <c>requirements</c> table.</summary>
public sealed class PostgresRequirementStore(NpgsqlDataSource dataSource) : IRequirementStore
{
    private const string Columns = """
        job_id, requirement_id, text, status, priority, compliance_tags, source, first_seen_at, updated_at, status_changed_at, processed_at
        """;

    // An update lands when it is newer than the stored one. At the same microsecond it lands only if it moves
    // the status forward (pending → validating → integrated/rejected), or keeps the status and changes the content:
    // so a resent "pending" cannot undo the "integrated" sent with it, and an exact resend lands nowhere, which
    // keeps the affected-row count honest.
    private static readonly string Upsert = $"""
        INSERT INTO requirements AS r (job_id, requirement_id, text, status, priority, compliance_tags, source, agent_id,
                                       first_seen_at, updated_at, status_changed_at, processed_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $9, CASE WHEN $4 <> '{RequirementStatuses.Pending}' THEN $9 END)
        ON CONFLICT (job_id, requirement_id) DO UPDATE SET
            text = EXCLUDED.text,
            status = EXCLUDED.status,
            priority = COALESCE(EXCLUDED.priority, r.priority),
            compliance_tags = EXCLUDED.compliance_tags,
            source = COALESCE(EXCLUDED.source, r.source),
            agent_id = EXCLUDED.agent_id,
            updated_at = EXCLUDED.updated_at,
            status_changed_at = CASE WHEN r.status <> EXCLUDED.status THEN EXCLUDED.updated_at ELSE r.status_changed_at END,
            processed_at = COALESCE(r.processed_at, EXCLUDED.processed_at)
        WHERE EXCLUDED.updated_at > r.updated_at
           OR (EXCLUDED.updated_at = r.updated_at
               AND ({Rank("EXCLUDED.status")} > {Rank("r.status")}
                    OR (EXCLUDED.status = r.status
                        AND (r.text, r.priority, r.compliance_tags, r.source)
                            IS DISTINCT FROM (EXCLUDED.text, COALESCE(EXCLUDED.priority, r.priority),
                                              EXCLUDED.compliance_tags, COALESCE(EXCLUDED.source, r.source)))))
        """;

    private static string Rank(string status) =>
        $"CASE {status} WHEN '{RequirementStatuses.Pending}' THEN 0 WHEN '{RequirementStatuses.Validating}' THEN 1 ELSE 2 END";

    public async Task<int> UpsertAsync(IReadOnlyList<RequirementUpdate> updates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0) return 0;

        // One statement per update, in order, in one implicit transaction: two updates of the same requirement in
        // one batch (pending, then integrated) apply one after the other.
        await using var batch = dataSource.CreateBatch();
        foreach (var u in updates)
        {
            var command = new NpgsqlBatchCommand(Upsert);
            command.Parameters.Add(new NpgsqlParameter { Value = u.JobId, NpgsqlDbType = NpgsqlDbType.Uuid });
            command.Parameters.Add(new NpgsqlParameter { Value = u.RequirementId, NpgsqlDbType = NpgsqlDbType.Varchar });
            command.Parameters.Add(new NpgsqlParameter { Value = u.Text, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = u.Status, NpgsqlDbType = NpgsqlDbType.Varchar });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)u.Priority ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
            command.Parameters.Add(new NpgsqlParameter { Value = u.ComplianceTags.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)u.Source ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = u.AgentId, NpgsqlDbType = NpgsqlDbType.Uuid });
            command.Parameters.Add(new NpgsqlParameter { Value = u.At, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return batch.BatchCommands.Cast<NpgsqlBatchCommand>().Sum(c => c.RecordsAffected);
    }

    public async Task<RequirementPage> ListAsync(RequirementQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, RequirementQuery.MaxLimit);
        var offset = Math.Max(0, query.Offset);
        const string filter = """
            job_id = $1
            AND ($2::text[] IS NULL OR status = ANY($2))
            AND ($3::text[] IS NULL OR priority = ANY($3))
            AND ($4::text[] IS NULL OR EXISTS (SELECT 1 FROM unnest(compliance_tags) AS tag WHERE lower(tag) = ANY($4)))
            """;

        await using var batch = dataSource.CreateBatch();
        var page = new NpgsqlBatchCommand($"SELECT {Columns} FROM requirements WHERE {filter} ORDER BY first_seen_at, requirement_id LIMIT $5 OFFSET $6");
        AddFilter(page, query);
        page.Parameters.Add(new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlDbType.Integer });
        page.Parameters.Add(new NpgsqlParameter { Value = offset, NpgsqlDbType = NpgsqlDbType.Integer });
        var count = new NpgsqlBatchCommand($"SELECT count(*) FROM requirements WHERE {filter}");
        AddFilter(count, query);
        batch.BatchCommands.Add(page);
        batch.BatchCommands.Add(count);

        var (items, total) = await PageAndCount.ReadAsync(batch, reader => new RequirementRecord(
            reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetNullableString(4),
            reader.GetFieldValue<string[]>(5), reader.GetNullableString(6), reader.GetFieldValue<DateTimeOffset>(7),
            reader.GetFieldValue<DateTimeOffset>(8), reader.GetFieldValue<DateTimeOffset>(9), reader.GetNullableTimestamp(10)), cancellationToken);
        return new RequirementPage(items, total);
    }

    public async Task<RequirementSummary> SummaryAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT status, count(*), min(first_seen_at), min(processed_at), max(processed_at), count(processed_at)
            FROM requirements WHERE job_id = $1 GROUP BY status
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = jobId, NpgsqlDbType = NpgsqlDbType.Uuid });
        var byStatus = RequirementStatuses.All.ToDictionary(s => s, _ => 0L, StringComparer.Ordinal);
        long total = 0, processed = 0;
        DateTimeOffset? firstSeen = null, firstProcessed = null, lastProcessed = null;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var count = reader.GetInt64(1);
            byStatus[reader.GetString(0)] = count;
            total += count;
            processed += reader.GetInt64(5);
            firstSeen = Min(firstSeen, reader.GetNullableTimestamp(2));
            firstProcessed = Min(firstProcessed, reader.GetNullableTimestamp(3));
            lastProcessed = Max(lastProcessed, reader.GetNullableTimestamp(4));
        }
        return new RequirementSummary(total, byStatus, processed, firstSeen, firstProcessed, lastProcessed);
    }

    private static void AddFilter(NpgsqlBatchCommand command, RequirementQuery query)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = query.JobId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(Set(query.Statuses, lower: false));
        command.Parameters.Add(Set(query.Priorities, lower: false));
        command.Parameters.Add(Set(query.Tags, lower: true));
    }

    private static NpgsqlParameter Set(IReadOnlySet<string>? values, bool lower) => new()
    {
        Value = values is { Count: > 0 } ? values.Select(v => lower ? v.ToLowerInvariant() : v).Distinct().ToArray() : DBNull.Value,
        NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text,
    };

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a < b ? a : b);

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a > b ? a : b);
}

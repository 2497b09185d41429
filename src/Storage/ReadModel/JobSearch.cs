using Cockpit.Grains;
using Cockpit.Storage.Paging;
using Npgsql;
using NpgsqlTypes;

namespace Cockpit.Storage.ReadModel;

/// <summary>Filtered, keyset-paged job lists, batch lookups and status timelines (for GraphQL).</summary>
public sealed partial class JobReadModel
{
    // A null parameter switches its filter off, so one statement (and one plan shape) serves every combination.
    private const string SearchFilter = """
        ($1::text[] IS NULL OR status = ANY($1))
        AND ($2::uuid IS NULL OR assigned_agent_id = $2)
        AND ($3::text IS NULL OR config_name = $3)
        AND ($4::text IS NULL OR prompt ILIKE $4 ESCAPE '\')
        """;

    /// <summary>
    /// Jobs matching <paramref name="query"/>, newest first (creation time, then id: the order of
    /// <see cref="ListAsync"/>), the page after <see cref="JobSearchQuery.After"/>, with the total matching the filters.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="JobSearchQuery.First"/> is outside 1 to <see cref="MaxLimit"/>.</exception>
    public async Task<JobSearchPage> SearchAsync(JobSearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.First, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.First, MaxLimit);
        // A filter with a NUL matches no row, and PostgreSQL would refuse it.
        if (PostgresText.HoldsNul(query.ConfigName) || PostgresText.HoldsNul(query.Search))
        {
            return new JobSearchPage([], 0, false, null);
        }

        await using var batch = dataSource.CreateBatch();
        // One row more than asked says whether another page follows.
        var page = new NpgsqlBatchCommand($"""
            SELECT {Columns} FROM jobs
            WHERE {SearchFilter} AND ($5::timestamptz IS NULL OR (created_at, id) < ($5, $6))
            ORDER BY created_at DESC, id DESC
            LIMIT $7
            """);
        AddSearchFilter(page, query);
        page.Parameters.Add(new NpgsqlParameter { Value = (object?)query.After?.CreatedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        page.Parameters.Add(new NpgsqlParameter { Value = (object?)query.After?.Id ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        page.Parameters.Add(new NpgsqlParameter { Value = query.First + 1, NpgsqlDbType = NpgsqlDbType.Integer });
        var count = new NpgsqlBatchCommand($"SELECT count(*) FROM jobs WHERE {SearchFilter}");
        AddSearchFilter(count, query);
        batch.BatchCommands.Add(page);
        batch.BatchCommands.Add(count);

        var (rows, total) = await PageAndCount.ReadAsync(batch, Map, cancellationToken);
        var hasNext = rows.Count > query.First;
        if (hasNext) rows.RemoveAt(rows.Count - 1);
        return new JobSearchPage(rows, total, hasNext, rows.Count > 0 ? JobSearchCursor.Of(rows[^1]) : null);
    }

    /// <summary>The rows of the jobs among <paramref name="ids"/> that exist, in one query (order not kept).</summary>
    public async Task<IReadOnlyList<JobRow>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0) return [];
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM jobs WHERE id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = ids.Distinct().ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        var rows = new List<JobRow>(ids.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Map(reader));
        }
        return rows;
    }

    /// <summary>
    /// The job's status changes from <c>job_timeline</c>, oldest first: the creation and every event that moved the
    /// status (progress reports, which keep it, are left out). Empty for an unknown job.
    /// </summary>
    public async Task<IReadOnlyList<JobSearchTimelineEntry>> TimelineAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT version, at, from_status, to_status, cause FROM job_timeline
            WHERE job_id = $1 AND from_status IS DISTINCT FROM to_status
            ORDER BY version
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = jobId, NpgsqlDbType = NpgsqlDbType.Uuid });
        var entries = new List<JobSearchTimelineEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new JobSearchTimelineEntry(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetNullableString(2),
                reader.GetString(3), reader.GetString(4)));
        }
        return entries;
    }

    /// <summary>The ILIKE pattern for "contains <paramref name="text"/>": its own %, _ and \ match literally.</summary>
    public static string ContainsPattern(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";
    }

    private static void AddSearchFilter(NpgsqlBatchCommand command, JobSearchQuery query)
    {
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = query.Statuses is { Count: > 0 } statuses ? statuses.Select(s => s.ToWire()).Distinct().ToArray() : DBNull.Value,
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text,
        });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.AssignedAgentId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.ConfigName ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = string.IsNullOrWhiteSpace(query.Search) ? DBNull.Value : ContainsPattern(query.Search.Trim()),
            NpgsqlDbType = NpgsqlDbType.Text,
        });
    }
}

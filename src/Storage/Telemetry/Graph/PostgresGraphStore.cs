using Cockpit.Storage.ReadModel;
using Npgsql;
using NpgsqlTypes;

namespace Cockpit.Storage.Telemetry.Graph;

/// <summary>The graph mutation log in <c>graph_mutations</c>; snapshots are replays of it.</summary>
public sealed class PostgresGraphStore(NpgsqlDataSource dataSource) : IGraphStore
{
    /// <summary>Largest number of deltas one timeline request returns.</summary>
    public const int MaxDeltas = 5000;

    private const string Columns = "seq, job_id, op, element_id, labels, edge_type, from_id, to_id, properties::text, at, agent_id";

    public string Backend => "postgres";

    internal NpgsqlDataSource DataSource => dataSource;

    public async Task<int> AppendAsync(IReadOnlyList<GraphMutation> mutations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mutations);
        if (mutations.Count == 0) return 0;
        await using var batch = dataSource.CreateBatch();
        foreach (var m in mutations)
        {
            var insert = new NpgsqlBatchCommand("""
                INSERT INTO graph_mutations (job_id, op, element_id, labels, edge_type, from_id, to_id, properties, at, agent_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                ON CONFLICT ON CONSTRAINT uq_graph_mutations_natural DO NOTHING
                """);
            insert.Parameters.Add(new NpgsqlParameter { Value = m.JobId, NpgsqlDbType = NpgsqlDbType.Uuid });
            insert.Parameters.Add(new NpgsqlParameter { Value = m.Op, NpgsqlDbType = NpgsqlDbType.Varchar });
            insert.Parameters.Add(new NpgsqlParameter { Value = m.ElementId, NpgsqlDbType = NpgsqlDbType.Varchar });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)m.Labels?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)m.EdgeType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)m.From ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)m.To ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
            insert.Parameters.Add(JsonColumns.Parameter(m.Properties));
            insert.Parameters.Add(new NpgsqlParameter { Value = m.At, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(new NpgsqlParameter { Value = m.AgentId, NpgsqlDbType = NpgsqlDbType.Uuid });
            batch.BatchCommands.Add(insert);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return batch.BatchCommands.Cast<NpgsqlBatchCommand>().Sum(c => c.RecordsAffected);
    }

    public async Task<GraphTimeline> TimelineAsync(Guid jobId, DateTimeOffset? at, int maxDeltas, CancellationToken cancellationToken = default)
    {
        var (snapshotMutations, deltas, hasMore, first, last) = await ReadTimelineAsync(jobId, at, maxDeltas, includeSnapshot: true, cancellationToken);
        return new GraphTimeline(jobId, at, GraphSnapshotBuilder.Replay(snapshotMutations), deltas, hasMore, first, last, Backend);
    }

    /// <summary>The log split at <paramref name="at"/>: what the snapshot replays, the deltas after it, and the job's first and last times.</summary>
    internal async Task<(IReadOnlyList<GraphMutation> Snapshot, IReadOnlyList<GraphMutation> Deltas, bool HasMore, DateTimeOffset? FirstAt, DateTimeOffset? LastAt)>
        ReadTimelineAsync(Guid jobId, DateTimeOffset? at, int maxDeltas, bool includeSnapshot, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(maxDeltas, 1, MaxDeltas);
        await using var batch = dataSource.CreateBatch();
        var snapshot = new NpgsqlBatchCommand($"SELECT {Columns} FROM graph_mutations WHERE job_id = $1 AND at <= $2 ORDER BY at, seq");
        snapshot.Parameters.Add(new NpgsqlParameter { Value = jobId, NpgsqlDbType = NpgsqlDbType.Uuid });
        // Without a moment, or when the caller will not replay, the snapshot part selects nothing.
        snapshot.Parameters.Add(new NpgsqlParameter
        {
            Value = includeSnapshot && at is { } t ? t : DBNull.Value,
            NpgsqlDbType = NpgsqlDbType.TimestampTz,
        });
        var after = new NpgsqlBatchCommand($"SELECT {Columns} FROM graph_mutations WHERE job_id = $1 AND ($2::timestamptz IS NULL OR at > $2) ORDER BY at, seq LIMIT $3");
        after.Parameters.Add(new NpgsqlParameter { Value = jobId, NpgsqlDbType = NpgsqlDbType.Uuid });
        after.Parameters.Add(new NpgsqlParameter { Value = (object?)at ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        after.Parameters.Add(new NpgsqlParameter { Value = limit + 1, NpgsqlDbType = NpgsqlDbType.Integer });
        var span = new NpgsqlBatchCommand("SELECT min(at), max(at) FROM graph_mutations WHERE job_id = $1");
        span.Parameters.Add(new NpgsqlParameter { Value = jobId, NpgsqlDbType = NpgsqlDbType.Uuid });
        batch.BatchCommands.Add(snapshot);
        batch.BatchCommands.Add(after);
        batch.BatchCommands.Add(span);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var before = new List<GraphMutation>();
        while (await reader.ReadAsync(cancellationToken)) before.Add(Read(reader));
        await reader.NextResultAsync(cancellationToken);
        var deltas = new List<GraphMutation>();
        while (await reader.ReadAsync(cancellationToken)) deltas.Add(Read(reader));
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var first = reader.GetNullableTimestamp(0);
        var last = reader.GetNullableTimestamp(1);

        var hasMore = deltas.Count > limit;
        if (hasMore) deltas.RemoveAt(deltas.Count - 1);
        return (before, deltas, hasMore, first, last);
    }

    /// <summary>Every mutation of a job (or of the given elements only), in replay order (for the Neo4j mirror).</summary>
    internal static async Task<IReadOnlyList<GraphMutation>> HistoryAsync(
        NpgsqlConnection connection, Guid jobId, IReadOnlyCollection<string>? elementIds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM graph_mutations WHERE job_id = $1 AND ($2::varchar[] IS NULL OR element_id = ANY($2)) ORDER BY at, seq", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = jobId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)elementIds?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar });
        var history = new List<GraphMutation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) history.Add(Read(reader));
        return history;
    }

    internal static GraphMutation Read(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetGuid(1), r.GetString(2), r.GetString(3),
        r.IsDBNull(4) ? null : r.GetFieldValue<string[]>(4),
        r.GetNullableString(5), r.GetNullableString(6), r.GetNullableString(7), JsonColumns.Read(r, 8), r.GetFieldValue<DateTimeOffset>(9), r.GetGuid(10));
}

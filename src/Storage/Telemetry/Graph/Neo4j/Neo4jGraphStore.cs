using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Cockpit.Storage.Telemetry.Graph.Neo4j;

/// <summary>
/// The graph store when NEO4J_URI is set: PostgreSQL keeps the mutation log (the source of truth, and of every
/// delta); Neo4j holds each job's current graph, mirrored after every append, and answers snapshots at or after
/// the job's last mutation. Earlier snapshots are replays of the log, since Neo4j keeps no history.
/// </summary>
/// <remarks>
/// Mirroring replays the job's log and writes the resulting state of the changed elements, so Neo4j ends up with
/// exactly the snapshot PostgreSQL would give, whatever order mutations arrived in. It runs under a per-job
/// advisory lock, marks the rows it applied (<c>mirrored_at</c>), and when Neo4j is down it logs and leaves the
/// rows for the next append or read of that job to catch up; reads fall back to PostgreSQL meanwhile.
/// </remarks>
public sealed class Neo4jGraphStore(PostgresGraphStore log, Neo4jHttpClient neo4j, ILogger<Neo4jGraphStore> logger) : IGraphStore
{
    /// <summary>Where a snapshot read from Neo4j says it came from.</summary>
    public const string Neo4jSource = "neo4j";

    private readonly Lock _indexLock = new();
    private Task? _index;

    public string Backend => "postgres+neo4j";

    public async Task<int> AppendAsync(IReadOnlyList<GraphMutation> mutations, CancellationToken cancellationToken = default)
    {
        var stored = await log.AppendAsync(mutations, cancellationToken);
        foreach (var job in mutations.Select(m => m.JobId).Distinct())
        {
            await TryMirrorAsync(job, cancellationToken);
        }
        return stored;
    }

    public async Task<GraphTimeline> TimelineAsync(Guid jobId, DateTimeOffset? at, int maxDeltas, CancellationToken cancellationToken = default)
    {
        var (first, last, unmirrored) = await SpanAsync(jobId, cancellationToken);
        // Only the current graph lives in Neo4j: a moment before the last mutation needs the log's history.
        if (at is { } moment && last is { } lastAt && moment >= lastAt)
        {
            var mirrored = unmirrored == 0 || await TryMirrorAsync(jobId, cancellationToken);
            if (mirrored && await TryReadAsync(jobId, cancellationToken) is { } snapshot)
            {
                return new GraphTimeline(jobId, at, snapshot, [], false, first, last, Neo4jSource);
            }
        }
        return await log.TimelineAsync(jobId, at, maxDeltas, cancellationToken);
    }

    /// <summary>Applies the job's unmirrored mutations to Neo4j; false (and logged) when Neo4j could not take them.</summary>
    public async Task<bool> TryMirrorAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        try
        {
            await EnsureIndexAsync(cancellationToken);
            await using var connection = await log.DataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var lockJob = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1::text, 7474))", connection, transaction))
            {
                lockJob.Parameters.Add(new NpgsqlParameter { Value = jobId, NpgsqlDbType = NpgsqlDbType.Uuid });
                await lockJob.ExecuteNonQueryAsync(cancellationToken);
            }

            var changedNodes = new HashSet<string>(StringComparer.Ordinal);
            var changedEdges = new HashSet<string>(StringComparer.Ordinal);
            long upTo = 0;
            await using (var pending = new NpgsqlCommand(
                "SELECT element_id, op, seq FROM graph_mutations WHERE job_id = $1 AND mirrored_at IS NULL", connection, transaction))
            {
                pending.Parameters.Add(new NpgsqlParameter { Value = jobId, NpgsqlDbType = NpgsqlDbType.Uuid });
                await using var reader = await pending.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    (GraphOps.IsNodeOp(reader.GetString(1)) ? changedNodes : changedEdges).Add(reader.GetString(0));
                    upTo = Math.Max(upTo, reader.GetInt64(2));
                }
            }
            if (upTo == 0)
            {
                await transaction.CommitAsync(cancellationToken);
                return true;
            }

            var current = GraphSnapshotBuilder.Replay(await PostgresGraphStore.HistoryAsync(connection, jobId, elementIds: null, cancellationToken));
            await neo4j.RunAsync(Neo4jCypher.Mirror(jobId, current, changedNodes, changedEdges), cancellationToken);

            await using (var mark = new NpgsqlCommand(
                "UPDATE graph_mutations SET mirrored_at = now() WHERE job_id = $1 AND mirrored_at IS NULL AND seq <= $2", connection, transaction))
            {
                mark.Parameters.Add(new NpgsqlParameter { Value = jobId, NpgsqlDbType = NpgsqlDbType.Uuid });
                mark.Parameters.Add(new NpgsqlParameter { Value = upTo, NpgsqlDbType = NpgsqlDbType.Bigint });
                await mark.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is Neo4jException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Neo4j mirror of job {JobId} failed; PostgreSQL has the mutations and the next append or read retries", jobId);
            return false;
        }
    }

    /// <summary>The job's current graph as Neo4j holds it; null (and logged) when Neo4j cannot be read.</summary>
    public async Task<GraphSnapshot?> TryReadAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        try
        {
            var results = await neo4j.RunAsync([Neo4jCypher.SnapshotNodes(jobId), Neo4jCypher.SnapshotEdges(jobId)], cancellationToken);
            var nodes = results[0].Select(row => new GraphNode(
                Text(row[0]), JsonSerializer.Deserialize<List<string>>(Text(row[1])) ?? [], Properties(row[2]))).ToList();
            var edges = results[1].Select(row => new GraphEdge(
                Text(row[0]), Text(row[1]), Text(row[2]), Text(row[3]), Properties(row[4]))).ToList();
            return new GraphSnapshot(nodes, edges);
        }
        catch (Exception e) when (e is Neo4jException or HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Reading job {JobId}'s graph from Neo4j failed; answering from PostgreSQL", jobId);
            return null;
        }
    }

    private async Task<(DateTimeOffset? First, DateTimeOffset? Last, long Unmirrored)> SpanAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var command = log.DataSource.CreateCommand(
            "SELECT min(at), max(at), count(*) FILTER (WHERE mirrored_at IS NULL) FROM graph_mutations WHERE job_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = jobId, NpgsqlDbType = NpgsqlDbType.Uuid });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0),
            reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1),
            reader.GetInt64(2));
    }

    /// <summary>Creates the lookup index once per process; a failed attempt (Neo4j down) is tried again next time.</summary>
    private Task EnsureIndexAsync(CancellationToken cancellationToken)
    {
        lock (_indexLock)
        {
            if (_index is null || _index.IsFaulted || _index.IsCanceled) _index = CreateIndexAsync(cancellationToken);
            return _index;
        }
    }

    private async Task CreateIndexAsync(CancellationToken cancellationToken)
    {
        foreach (var statement in Neo4jCypher.IndexStatements)
        {
            try
            {
                await neo4j.RunAsync([new Neo4jStatement(statement, new Dictionary<string, object?>())], cancellationToken);
                return;
            }
            catch (Neo4jException e)
            {
                // Syntax of another Neo4j version: try the next form.
                logger.LogDebug(e, "Neo4j index statement not accepted: {Statement}", statement);
            }
        }
        // Neither form worked: the mirror still works, only slower; do not ask again.
        logger.LogWarning("Neo4j accepted no form of the CockpitNode(element_id) index; continuing without it");
    }

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? "";

    private static IReadOnlyDictionary<string, JsonElement> Properties(JsonNode? node)
    {
        var json = node?.GetValue<string>();
        if (string.IsNullOrEmpty(json)) return new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        var parsed = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json) ?? [];
        return new SortedDictionary<string, JsonElement>(parsed, StringComparer.Ordinal);
    }
}

using Cockpit.Grains;
using Cockpit.Grains.Agents;
using Cockpit.Grains.Jobs;
using Npgsql;

namespace Cockpit.Storage.Dispatch;

/// <summary>
/// Each queue's figures for <c>GET /api/queues</c>, GraphQL <c>queues</c> and the queue metrics, from the read model in
/// one round trip: a queue is a config name, and "any" holds the jobs without one (which any agent may take).
/// </summary>
public sealed class QueueStatistics(NpgsqlDataSource dataSource)
{
    /// <summary>The name of the queue of jobs without a config name.</summary>
    public const string AnyQueue = "any";

    /// <summary>How far back wait times are taken (the 15 minutes).</summary>
    public static readonly TimeSpan WaitWindow = TimeSpan.FromMinutes(15);

    private static readonly string Sql = $"""
        WITH queues AS (
            SELECT COALESCE(config_name, '{AnyQueue}') AS queue,
                   count(*) FILTER (WHERE status = '{JobStatus.Pending.ToWire()}') AS pending,
                   min(queued_at) FILTER (WHERE status = '{JobStatus.Pending.ToWire()}') AS oldest,
                   count(*) FILTER (WHERE status = '{JobStatus.Processing.ToWire()}') AS running
            FROM jobs
            WHERE status IN ('{JobStatus.Pending.ToWire()}', '{JobStatus.Processing.ToWire()}')
            GROUP BY 1
        ),
        waits AS (
            SELECT COALESCE(config_name, '{AnyQueue}') AS queue,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM started_at - queued_at)) AS p50,
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM started_at - queued_at)) AS p95,
                   count(*) AS started
            FROM jobs
            WHERE started_at >= $1 AND queued_at IS NOT NULL AND started_at >= queued_at AND dispatch = 'auto'
            GROUP BY 1
        ),
        idle AS (
            SELECT config_name AS queue, count(*) AS idle FROM agents
            WHERE status = '{AgentStatus.Ready.ToWire()}' AND current_job_id IS NULL
            GROUP BY 1
        ),
        names AS (SELECT queue FROM queues UNION SELECT queue FROM waits UNION SELECT queue FROM idle UNION SELECT '{AnyQueue}')
        SELECT n.queue, COALESCE(q.pending, 0), q.oldest, COALESCE(q.running, 0),
               CASE WHEN n.queue = '{AnyQueue}' THEN (SELECT COALESCE(sum(idle), 0) FROM idle) ELSE COALESCE(i.idle, 0) END,
               w.p50, w.p95, COALESCE(w.started, 0)
        FROM names n
        LEFT JOIN queues q ON q.queue = n.queue
        LEFT JOIN waits w ON w.queue = n.queue
        LEFT JOIN idle i ON i.queue = n.queue AND n.queue <> '{AnyQueue}'
        ORDER BY n.queue = '{AnyQueue}' DESC, n.queue
        """;

    /// <summary>Every queue with pending or running jobs, recent starts or idle agents; "any" always, first.</summary>
    public async Task<IReadOnlyList<QueueFigures>> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.AddWithValue((now - WaitWindow).UtcDateTime);
        var queues = new List<QueueFigures>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            DateTimeOffset? oldest = reader.IsDBNull(2) ? null : new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero);
            queues.Add(new QueueFigures(
                reader.GetString(0),
                reader.GetInt64(1),
                oldest is { } at ? Math.Max(0, (now - at).TotalSeconds) : null,
                reader.GetInt64(4),
                reader.GetInt64(3),
                reader.IsDBNull(5) ? null : reader.GetDouble(5),
                reader.IsDBNull(6) ? null : reader.GetDouble(6),
                reader.GetInt64(7)));
        }
        return queues;
    }
}

using Cockpit.Grains;
using Cockpit.Grains.Agents;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Ports;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Cockpit.Storage.ReadModel;

/// <summary>The roll call's question to the <c>agents</c> and <c>jobs</c> tables; see <see cref="ISilentAgentFinder"/>.</summary>
/// <remarks>
/// Both halves use an index (<c>idx_agents_last_heartbeat</c>, <c>idx_jobs_status</c>), so a roll call over a large
/// fleet reads only the rows it returns. The grain, not this query, decides.
/// </remarks>
public sealed class SilentAgentFinder(NpgsqlDataSource dataSource, IOptions<ReadModelOptions> options) : ISilentAgentFinder
{
    private readonly TimeSpan _writeDelay = options.Value.HeartbeatFlushInterval;

    private static readonly string Sql = $"""
        SELECT id, last_heartbeat FROM (
            SELECT a.id, a.last_heartbeat
            FROM agents a
            WHERE a.last_heartbeat < $1 AND a.status <> '{AgentStatus.Offline.ToWire()}'
            UNION
            SELECT a.id, a.last_heartbeat
            FROM jobs j JOIN agents a ON a.id = j.assigned_agent_id
            WHERE j.status = '{JobStatus.Processing.ToWire()}' AND j.updated_at < $1
              AND (a.status = '{AgentStatus.Offline.ToWire()}' OR a.current_job_id IS DISTINCT FROM j.id)
        ) silent
        ORDER BY last_heartbeat NULLS FIRST, id
        LIMIT $2
        """;

    public async Task<IReadOnlyList<SilentAgent>> FindAsync(DateTimeOffset heardBefore, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter { Value = heardBefore.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlDbType.Integer });
        var found = new List<SilentAgent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // Heartbeats reach the table a flush interval after they arrive at the latest (see SilentAgent.LastHeard).
            var written = reader.GetNullableTimestamp(1);
            found.Add(new SilentAgent(reader.GetGuid(0), written is { } at ? at + _writeDelay : DateTimeOffset.MinValue));
        }
        return found;
    }
}

using Cockpit.Grains;
using Cockpit.Grains.Agents;
using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Ports;
using Cockpit.Storage.ReadModel;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Cockpit.Storage.Dispatch;

/// <summary>The dispatcher's rebuild from the <c>jobs</c> and <c>agents</c> tables (see <see cref="IDispatchSource"/>).</summary>
/// <remarks>The pending half reads <c>idx_jobs_pending</c> in dispatch order and stops at the limit; running jobs and
/// registered agents are bounded by the fleet.</remarks>
public sealed class DispatchSource(NpgsqlDataSource dataSource, IOptions<DispatcherOptions> options) : IDispatchSource
{
    private static readonly string PendingSql = $"""
        SELECT id, config_name, priority, queued_at, selector, concurrency_key, not_before
        FROM jobs WHERE status = '{JobStatus.Pending.ToWire()}'
        ORDER BY priority DESC, queued_at, id
        LIMIT $1
        """;

    private static readonly string RunningSql = $"""
        SELECT id, concurrency_key, assigned_agent_id FROM jobs
        WHERE status = '{JobStatus.Processing.ToWire()}' AND assigned_agent_id IS NOT NULL
        """;

    private static readonly string AgentsSql = $"""
        SELECT id, config_name, labels, status = '{AgentStatus.Ready.ToWire()}' AND current_job_id IS NULL FROM agents
        """;

    public async Task<DispatchSourceSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var pending = new NpgsqlBatchCommand(PendingSql);
        pending.Parameters.Add(new NpgsqlParameter { Value = options.Value.MaxPendingLoaded, NpgsqlDbType = NpgsqlDbType.Integer });
        batch.BatchCommands.Add(pending);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(RunningSql));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(AgentsSql));

        var jobs = new List<QueuedJob>();
        var runs = new List<DispatchSourceRun>();
        var agents = new List<DispatchSourceAgent>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(new QueuedJob(reader.GetGuid(0), reader.GetNullableString(1), reader.GetInt32(2),
                reader.GetNullableTimestamp(3) ?? DateTimeOffset.MinValue, LabelsJson.Read(reader.GetNullableString(4)),
                reader.GetNullableString(5), reader.GetNullableTimestamp(6)));
        }
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new DispatchSourceRun(reader.GetGuid(0), reader.GetNullableString(1), reader.GetGuid(2)));
        }
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            agents.Add(new DispatchSourceAgent(reader.GetGuid(0), reader.GetString(1), LabelsJson.Read(reader.GetNullableString(2)), reader.GetBoolean(3)));
        }
        return new DispatchSourceSnapshot(jobs, runs, agents);
    }
}

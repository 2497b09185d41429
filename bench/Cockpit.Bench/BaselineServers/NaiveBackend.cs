using Cockpit.Protocol;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Cockpit.Bench.BaselineServers;

/// <summary>
/// Baseline (b), the design the seed implies: every heartbeat is one <c>UPDATE agents SET last_heartbeat …</c>
/// against the seed's tables; registration and job creation are INSERTs; an assignment reads the agent row, pushes
/// and updates both rows. Live events, when someone listens, go through <c>pg_notify</c> and a LISTEN connection, the
/// straightforward way to tell every web server about a change.
/// </summary>
public sealed class NaiveBackend(NpgsqlDataSource database, LiveSockets live, PodPusher pods) : IBaselineBackend
{
    public const string Channel = "bench_live";

    private const string HeartbeatSql =
        "UPDATE agents SET last_heartbeat = NOW(), status = $2, current_job_id = $3 WHERE id = $1";

    // A subquery in RETURNING reads the statement's snapshot: the status before this update.
    private const string HeartbeatReturningOldSql =
        "UPDATE agents SET last_heartbeat = NOW(), status = $2, current_job_id = $3 WHERE id = $1 " +
        "RETURNING (SELECT a.status FROM agents a WHERE a.id = $1)";

    public async Task RegisterAsync(HttpContext context)
    {
        var body = await BaselineJson.ReadAsync<AgentRegistration>(context);
        await using var command = database.CreateCommand(
            "INSERT INTO agents (config_name, hostname, pod_ip, pod_port, pid) VALUES ($1, $2, $3, $4, $5) RETURNING id");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = body?.ConfigName ?? "default" });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)body?.Hostname ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)body?.PodIp ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = body?.PodPort ?? ProtocolPaths.DefaultAgentPort });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)body?.Pid ?? DBNull.Value });
        var id = (Guid)(await command.ExecuteScalarAsync(context.RequestAborted))!;
        await BaselineJson.WriteAsync(context, new AgentRegistrationResponse { AgentId = id, HeartbeatIntervalSeconds = 60 });
    }

    public async Task HeartbeatAsync(HttpContext context, Guid agentId)
    {
        var body = await BaselineJson.ReadAsync<AgentHeartbeat>(context);
        var status = body?.Status ?? "ready";
        var listening = live.HasSubscribers;
        await using var command = database.CreateCommand(listening ? HeartbeatReturningOldSql : HeartbeatSql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = agentId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = status });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)body?.CurrentJobId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        bool found;
        if (listening)
        {
            var before = await command.ExecuteScalarAsync(context.RequestAborted);
            found = before is not null;
            if (found && (string)before! != status)
            {
                await using var notify = database.CreateCommand("SELECT pg_notify($1, $2)");
                notify.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Channel });
                notify.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"{agentId}:{status}" });
                await notify.ExecuteNonQueryAsync(context.RequestAborted);
            }
        }
        else
        {
            found = await command.ExecuteNonQueryAsync(context.RequestAborted) == 1;
        }
        if (!found)
        {
            await BaselineJson.WriteAsync(context, new { detail = $"agent {agentId} is not registered" }, StatusCodes.Status404NotFound);
            return;
        }
        await BaselineJson.WriteAsync(context, new HeartbeatResponse { Ok = true, Status = status });
    }

    public async Task CreateJobAsync(HttpContext context)
    {
        var body = await BaselineJson.ReadAsync<Dictionary<string, object?>>(context);
        await using var command = database.CreateCommand("INSERT INTO jobs (id, prompt) VALUES (gen_random_uuid(), $1) RETURNING id");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = body?.GetValueOrDefault("prompt")?.ToString() ?? "" });
        var id = (Guid)(await command.ExecuteScalarAsync(context.RequestAborted))!;
        await BaselineJson.WriteAsync(context, new { id, status = "created" }, StatusCodes.Status201Created);
    }

    public async Task AssignAsync(HttpContext context, Guid jobId, Guid agentId)
    {
        string? podIp = null;
        int podPort = 0;
        await using (var select = database.CreateCommand("SELECT pod_ip, pod_port FROM agents WHERE id = $1 AND status = 'ready'"))
        {
            select.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = agentId });
            await using var reader = await select.ExecuteReaderAsync(context.RequestAborted);
            if (await reader.ReadAsync(context.RequestAborted))
            {
                podIp = reader.GetString(0);
                podPort = reader.GetInt32(1);
            }
        }
        if (podIp is null)
        {
            await BaselineJson.WriteGraphQLErrorAsync(context, $"agent {agentId} is not ready");
            return;
        }
        if (!await pods.StartAsync(podIp, podPort, jobId, "bench"))
        {
            await BaselineJson.WriteGraphQLErrorAsync(context, "push refused");
            return;
        }

        await using var batch = database.CreateBatch();
        var job = new NpgsqlBatchCommand("UPDATE jobs SET status = 'processing', assigned_agent_id = $2, updated_at = NOW() WHERE id = $1");
        job.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = jobId });
        job.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = agentId });
        var agent = new NpgsqlBatchCommand("UPDATE agents SET status = 'working', current_job_id = $1 WHERE id = $2");
        agent.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = jobId });
        agent.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = agentId });
        batch.BatchCommands.Add(job);
        batch.BatchCommands.Add(agent);
        await batch.ExecuteNonQueryAsync(context.RequestAborted);
        await BaselineJson.WriteAssignedAsync(context, jobId);
    }

    /// <summary>Relays NOTIFYs to the WebSocket subscribers until <paramref name="stop"/> fires.</summary>
    public async Task ListenAsync(string connectionString, CancellationToken stop)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(stop);
        connection.Notification += (_, e) =>
        {
            var separator = e.Payload.IndexOf(':', StringComparison.Ordinal);
            if (separator > 0 && Guid.TryParse(e.Payload.AsSpan(0, separator), out var agentId))
            {
                _ = live.PublishAgentChangedAsync(agentId, e.Payload[(separator + 1)..]);
            }
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stop);
        }
        try
        {
            while (true) await connection.WaitAsync(stop);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}

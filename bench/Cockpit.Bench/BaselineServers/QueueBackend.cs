using Cockpit.Protocol;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Cockpit.Bench.BaselineServers;

/// <summary>
/// Baseline for the queue scenario: the standard PostgreSQL job queue on the seed's tables, driven by the same events
/// as the silo (a job queued, an agent reporting ready) and pushing to the same simulated agents. Each event runs one
/// statement that claims a ready agent and the next pending job (highest priority, then oldest) with
/// <c>FOR UPDATE SKIP LOCKED</c>, so concurrent claims never block each other or take the same row. Concurrency keys are
/// stored but not taken turns on: first in, first out is what such queues do.
/// </summary>
public sealed class QueueBackend(NpgsqlDataSource database, PodPusher pods) : IBaselineBackend
{
    // One statement: a ready agent (a given one, or any) and the next pending job, both locked and skipped by
    // concurrent claims, both updated only when both exist. The job's lock is taken even without an agent; it ends
    // with the statement.
    private const string ClaimSql = """
        WITH agent AS (
            SELECT id, pod_ip, pod_port FROM agents
            WHERE status = 'ready' AND ($1::uuid IS NULL OR id = $1)
            LIMIT 1 FOR UPDATE SKIP LOCKED),
        job AS (
            SELECT id, prompt FROM jobs WHERE status = 'pending'
            ORDER BY priority DESC, created_at, id
            LIMIT 1 FOR UPDATE SKIP LOCKED),
        claimed_job AS (
            UPDATE jobs SET status = 'processing', assigned_agent_id = agent.id, updated_at = NOW()
            FROM agent, job WHERE jobs.id = job.id RETURNING jobs.id),
        claimed_agent AS (
            UPDATE agents SET status = 'working', current_job_id = job.id
            FROM agent, job WHERE agents.id = agent.id RETURNING agents.id)
        SELECT job.id, job.prompt, agent.pod_ip, agent.pod_port FROM agent, job
        """;

    private const string ReleaseSql = """
        UPDATE jobs SET status = 'pending', assigned_agent_id = NULL WHERE id = $1;
        """;

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
        var status = body?.Status ?? AgentStatuses.Ready;
        await using var batch = database.CreateBatch();
        if (status == AgentStatuses.Completed && body?.CurrentJobId is { } finished)
        {
            var job = new NpgsqlBatchCommand("UPDATE jobs SET status = 'completed', updated_at = NOW() WHERE id = $1");
            job.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = finished });
            batch.BatchCommands.Add(job);
        }
        var agent = new NpgsqlBatchCommand(status == AgentStatuses.Ready
            ? "UPDATE agents SET last_heartbeat = NOW(), status = $2, current_job_id = NULL WHERE id = $1"
            : "UPDATE agents SET last_heartbeat = NOW(), status = $2 WHERE id = $1");
        agent.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = agentId });
        agent.Parameters.Add(new NpgsqlParameter<string> { TypedValue = status });
        batch.BatchCommands.Add(agent);
        await batch.ExecuteNonQueryAsync(context.RequestAborted);
        if (agent.RecordsAffected == 0)
        {
            await BaselineJson.WriteAsync(context, new { detail = $"agent {agentId} is not registered" }, StatusCodes.Status404NotFound);
            return;
        }
        // An agent that is ready again takes the next job, as a worker polling the queue would.
        if (status == AgentStatuses.Ready) await ClaimAndPushAsync(agentId, context.RequestAborted);
        await BaselineJson.WriteAsync(context, new HeartbeatResponse { Ok = true, Status = status });
    }

    public async Task CreateJobAsync(HttpContext context)
    {
        var body = await BaselineJson.ReadAsync<Dictionary<string, System.Text.Json.JsonElement>>(context);
        string? Text(string key) => body?.GetValueOrDefault(key) is { ValueKind: System.Text.Json.JsonValueKind.String } v ? v.GetString() : null;
        var auto = Text("dispatch") == "auto";
        var priority = body?.GetValueOrDefault("priority") is { ValueKind: System.Text.Json.JsonValueKind.Number } p ? p.GetInt32() : 0;
        await using var command = database.CreateCommand(
            "INSERT INTO jobs (id, prompt, status, priority, concurrency_key) VALUES (gen_random_uuid(), $1, $2, $3, $4) RETURNING id");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Text("prompt") ?? "" });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = auto ? "pending" : "created" });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = priority });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)Text("concurrency_key") ?? DBNull.Value });
        var id = (Guid)(await command.ExecuteScalarAsync(context.RequestAborted))!;
        // A queued job goes to an idle agent at once, if there is one (what LISTEN/NOTIFY-driven workers do).
        if (auto) await ClaimAndPushAsync(null, context.RequestAborted);
        await BaselineJson.WriteAsync(context, new { id, status = auto ? "pending" : "created" }, StatusCodes.Status201Created);
    }

    public Task AssignAsync(HttpContext context, Guid jobId, Guid agentId) =>
        BaselineJson.WriteGraphQLErrorAsync(context, "the queue baseline dispatches by itself");

    private async Task ClaimAndPushAsync(Guid? agentId, CancellationToken cancellationToken)
    {
        Guid jobId;
        string prompt, podIp;
        int podPort;
        await using (var claim = database.CreateCommand(ClaimSql))
        {
            claim.Parameters.Add(new NpgsqlParameter { Value = (object?)agentId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) return;
            (jobId, prompt, podIp, podPort) = (reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3));
        }
        if (await pods.StartAsync(podIp, podPort, jobId, prompt)) return;
        // The pod refused: the job goes back to the queue (the agent stays "working" until it reports again).
        await using var release = database.CreateCommand(ReleaseSql);
        release.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = jobId });
        await release.ExecuteNonQueryAsync(cancellationToken);
    }
}

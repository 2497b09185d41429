using Cockpit.Grains;
using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Events;
using Npgsql;
using NpgsqlTypes;

namespace Cockpit.Storage.ReadModel;

/// <summary>
/// The SQL behind <see cref="ReadModelProjector"/>: applies a batch of events in one transaction, and writes
/// coalesced heartbeats. Every statement is idempotent and guarded by the row version, so the same batch may be
/// applied twice, and batches from several silos may interleave, without a row ever going backwards.
/// </summary>
internal sealed class ReadModelWriter(NpgsqlDataSource dataSource)
{
    private const string AgentEntity = "agent";
    private const string JobEntity = "job";

    // Rows go in id order so that two silos writing overlapping batches lock rows in the same order.
    private const string UpsertAgentsSql = """
        INSERT INTO agents (id, config_name, hostname, pod_ip, pod_port, pid, status, current_job_id,
                            registered_at, last_heartbeat, metadata, last_metrics, version, labels)
        SELECT u.id, u.config_name, u.hostname, u.pod_ip, u.pod_port, u.pid, u.status, u.current_job_id,
               u.registered_at, u.last_heartbeat, u.metadata, u.last_metrics, u.version, u.labels
        FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
             AS u(id, config_name, hostname, pod_ip, pod_port, pid, status, current_job_id,
                  registered_at, last_heartbeat, metadata, last_metrics, version, labels)
        WHERE NOT EXISTS (SELECT 1 FROM read_model_tombstones AS t
                          WHERE t.entity_type = 'agent' AND t.entity_id = u.id AND t.version >= u.version)
        ORDER BY u.id
        ON CONFLICT (id) DO UPDATE SET
            config_name = EXCLUDED.config_name,
            hostname = EXCLUDED.hostname,
            pod_ip = EXCLUDED.pod_ip,
            pod_port = EXCLUDED.pod_port,
            pid = EXCLUDED.pid,
            status = EXCLUDED.status,
            current_job_id = EXCLUDED.current_job_id,
            registered_at = EXCLUDED.registered_at,
            -- Heartbeats are written apart from events (see UpdateHeartbeatsSql) and may already be newer
            -- than the snapshot in this event; the time and its metrics only ever move forward together.
            last_heartbeat = GREATEST(agents.last_heartbeat, EXCLUDED.last_heartbeat),
            last_metrics = CASE WHEN agents.last_heartbeat IS NULL OR EXCLUDED.last_heartbeat >= agents.last_heartbeat
                                THEN EXCLUDED.last_metrics ELSE agents.last_metrics END,
            metadata = EXCLUDED.metadata,
            labels = EXCLUDED.labels,
            version = EXCLUDED.version
        WHERE agents.version < EXCLUDED.version
        """;

    private const string UpsertJobsSql = """
        INSERT INTO jobs (id, prompt, document_path, document_dir, config_name, context, instructions, status,
                          assigned_agent_id, created_at, updated_at, completed_at, error_message, error_details,
                          total_requirements, processed_requirements, progress_message, last_progress_at, version,
                          budget_max_cost_usd, budget_max_tokens, budget_warning, looping,
                          dispatch, priority, selector, concurrency_key, max_attempts, retry_backoff_seconds,
                          timeout_seconds, queued_at, not_before, started_at, attempts)
        SELECT u.*
        FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,
                    $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34)
             AS u(id, prompt, document_path, document_dir, config_name, context, instructions, status,
                  assigned_agent_id, created_at, updated_at, completed_at, error_message, error_details,
                  total_requirements, processed_requirements, progress_message, last_progress_at, version,
                  budget_max_cost_usd, budget_max_tokens, budget_warning, looping,
                  dispatch, priority, selector, concurrency_key, max_attempts, retry_backoff_seconds,
                  timeout_seconds, queued_at, not_before, started_at, attempts)
        WHERE NOT EXISTS (SELECT 1 FROM read_model_tombstones AS t
                          WHERE t.entity_type = 'job' AND t.entity_id = u.id AND t.version >= u.version)
        ORDER BY u.id
        ON CONFLICT (id) DO UPDATE SET
            prompt = EXCLUDED.prompt,
            document_path = EXCLUDED.document_path,
            document_dir = EXCLUDED.document_dir,
            config_name = EXCLUDED.config_name,
            context = EXCLUDED.context,
            instructions = EXCLUDED.instructions,
            status = EXCLUDED.status,
            assigned_agent_id = EXCLUDED.assigned_agent_id,
            created_at = EXCLUDED.created_at,
            updated_at = EXCLUDED.updated_at,
            completed_at = EXCLUDED.completed_at,
            error_message = EXCLUDED.error_message,
            error_details = EXCLUDED.error_details,
            total_requirements = EXCLUDED.total_requirements,
            processed_requirements = EXCLUDED.processed_requirements,
            progress_message = EXCLUDED.progress_message,
            last_progress_at = EXCLUDED.last_progress_at,
            version = EXCLUDED.version,
            budget_max_cost_usd = EXCLUDED.budget_max_cost_usd,
            budget_max_tokens = EXCLUDED.budget_max_tokens,
            budget_warning = EXCLUDED.budget_warning,
            looping = EXCLUDED.looping,
            dispatch = EXCLUDED.dispatch,
            priority = EXCLUDED.priority,
            selector = EXCLUDED.selector,
            concurrency_key = EXCLUDED.concurrency_key,
            max_attempts = EXCLUDED.max_attempts,
            retry_backoff_seconds = EXCLUDED.retry_backoff_seconds,
            timeout_seconds = EXCLUDED.timeout_seconds,
            queued_at = EXCLUDED.queued_at,
            not_before = EXCLUDED.not_before,
            started_at = EXCLUDED.started_at,
            attempts = EXCLUDED.attempts
        WHERE jobs.version < EXCLUDED.version
        """;

    private const string TombstoneSql = """
        INSERT INTO read_model_tombstones (entity_type, entity_id, version)
        SELECT $1, d.id, d.version FROM unnest($2, $3) AS d(id, version)
        ORDER BY d.id
        ON CONFLICT (entity_type, entity_id) DO UPDATE
            SET version = EXCLUDED.version, deleted_at = now()
            WHERE read_model_tombstones.version < EXCLUDED.version
        """;

    // A row re-created after the delete (a newer version) stays.
    private const string DeleteAgentsSql = """
        DELETE FROM agents AS a USING unnest($1, $2) AS d(id, version)
        WHERE a.id = d.id AND a.version <= d.version
        """;

    private const string DeleteJobsSql = """
        DELETE FROM jobs AS j USING unnest($1, $2) AS d(id, version)
        WHERE j.id = d.id AND j.version <= d.version
        """;

    private const string DeleteTimelineSql = """
        DELETE FROM job_timeline AS t USING unnest($1, $2) AS d(id, version)
        WHERE t.job_id = d.id AND t.version <= d.version
        """;

    private const string InsertTimelineSql = """
        INSERT INTO job_timeline (job_id, version, at, from_status, to_status, cause)
        SELECT u.job_id, u.version, u.at, u.from_status, u.to_status, u.cause
        FROM unnest($1, $2, $3, $4, $5, $6) AS u(job_id, version, at, from_status, to_status, cause)
        WHERE NOT EXISTS (SELECT 1 FROM read_model_tombstones AS t
                          WHERE t.entity_type = 'job' AND t.entity_id = u.job_id AND t.version >= u.version)
        ON CONFLICT (job_id, version) DO NOTHING
        """;

    // Never moves a heartbeat backwards; a beat without metrics keeps the last metrics an agent reported.
    // Agents without a row (not projected yet, or deleted) are simply not matched.
    private const string UpdateHeartbeatsSql = """
        UPDATE agents AS a
        SET last_heartbeat = h.at, last_metrics = COALESCE(h.metrics, a.last_metrics)
        FROM unnest($1, $2, $3) AS h(id, at, metrics)
        WHERE a.id = h.id AND (a.last_heartbeat IS NULL OR a.last_heartbeat < h.at)
        """;

    public async Task WriteEventsAsync(IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken)
    {
        // Within one statement a row may be touched once only (ON CONFLICT DO UPDATE refuses twice), and only
        // the newest version of each entity matters anyway; a delete wins a tie with an update.
        var agents = new Dictionary<Guid, AgentChanged>();
        var jobs = new Dictionary<Guid, JobChanged>();
        var timeline = new Dictionary<(Guid, long), JobChanged>();
        foreach (var domainEvent in events)
        {
            switch (domainEvent)
            {
                case AgentChanged a:
                    if (!agents.TryGetValue(a.Agent.Id, out var seenAgent) || Supersedes(a.Agent.Version, a.Deleted, seenAgent.Agent.Version))
                    {
                        agents[a.Agent.Id] = a;
                    }

                    break;
                case JobChanged j:
                    if (!jobs.TryGetValue(j.Job.Id, out var seenJob) || Supersedes(j.Job.Version, j.Deleted, seenJob.Job.Version))
                    {
                        jobs[j.Job.Id] = j;
                    }

                    timeline.TryAdd((j.Job.Id, j.Job.Version), j);
                    break;
            }
        }

        if (agents.Count == 0 && jobs.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);

        var deletedAgents = agents.Values.Where(a => a.Deleted).ToList();
        var liveAgents = agents.Values.Where(a => !a.Deleted).ToList();
        var deletedJobs = jobs.Values.Where(j => j.Deleted).ToList();
        var liveJobs = jobs.Values.Where(j => !j.Deleted).ToList();

        // Order matters: tombstones first, so that the upserts and timeline rows below already see them.
        if (deletedAgents.Count > 0)
        {
            var ids = deletedAgents.Select(a => a.Agent.Id).ToArray();
            var versions = deletedAgents.Select(a => a.Agent.Version).ToArray();
            Add(batch, TombstoneSql, Text(AgentEntity), UuidArray(ids), BigintArray(versions));
            Add(batch, DeleteAgentsSql, UuidArray(ids), BigintArray(versions));
        }

        if (deletedJobs.Count > 0)
        {
            var ids = deletedJobs.Select(j => j.Job.Id).ToArray();
            var versions = deletedJobs.Select(j => j.Job.Version).ToArray();
            Add(batch, TombstoneSql, Text(JobEntity), UuidArray(ids), BigintArray(versions));
            Add(batch, DeleteJobsSql, UuidArray(ids), BigintArray(versions));
            Add(batch, DeleteTimelineSql, UuidArray(ids), BigintArray(versions));
        }

        if (liveAgents.Count > 0)
        {
            var snapshots = liveAgents.Select(a => a.Agent).ToList();
            Add(batch, UpsertAgentsSql,
                UuidArray(snapshots.Select(s => s.Id).ToArray()),
                TextArray(snapshots.Select(s => s.ConfigName).ToArray()),
                TextArray(snapshots.Select(s => s.Hostname).ToArray()),
                TextArray(snapshots.Select(s => (string?)s.PodIp).ToArray()),
                IntArray(snapshots.Select(s => (int?)s.PodPort).ToArray()),
                IntArray(snapshots.Select(s => s.Pid).ToArray()),
                TextArray(snapshots.Select(s => s.Status.ToWire()).ToArray()),
                UuidArray(snapshots.Select(s => s.CurrentJobId).ToArray()),
                TimestampArray(snapshots.Select(s => (DateTime?)s.RegisteredAt.UtcDateTime).ToArray()),
                TimestampArray(snapshots.Select(s => (DateTime?)s.LastHeartbeat.UtcDateTime).ToArray()),
                JsonbArray(snapshots.Select(s => (string?)s.MetadataJson).ToArray()),
                JsonbArray(snapshots.Select(s => s.MetricsJson).ToArray()),
                BigintArray(snapshots.Select(s => s.Version).ToArray()),
                JsonbArray(snapshots.Select(s => (string?)LabelsJson.Write(s.Labels)).ToArray()));
        }

        if (liveJobs.Count > 0)
        {
            var snapshots = liveJobs.Select(j => j.Job).ToList();
            Add(batch, UpsertJobsSql,
                UuidArray(snapshots.Select(s => s.Id).ToArray()),
                TextArray(snapshots.Select(s => (string?)s.Prompt).ToArray()),
                TextArray(snapshots.Select(s => s.DocumentPath).ToArray()),
                TextArray(snapshots.Select(s => s.DocumentDir).ToArray()),
                TextArray(snapshots.Select(s => s.ConfigName).ToArray()),
                JsonbArray(snapshots.Select(s => s.ContextJson).ToArray()),
                TextArray(snapshots.Select(s => s.Instructions).ToArray()),
                TextArray(snapshots.Select(s => (string?)s.Status.ToWire()).ToArray()),
                UuidArray(snapshots.Select(s => s.AssignedAgentId).ToArray()),
                TimestampArray(snapshots.Select(s => (DateTime?)s.CreatedAt.UtcDateTime).ToArray()),
                TimestampArray(snapshots.Select(s => (DateTime?)s.UpdatedAt.UtcDateTime).ToArray()),
                TimestampArray(snapshots.Select(s => s.CompletedAt?.UtcDateTime).ToArray()),
                TextArray(snapshots.Select(s => s.ErrorMessage).ToArray()),
                JsonbArray(snapshots.Select(s => s.ErrorDetailsJson).ToArray()),
                IntArray(snapshots.Select(s => s.Progress?.TotalRequirements).ToArray()),
                IntArray(snapshots.Select(s => s.Progress?.ProcessedRequirements).ToArray()),
                TextArray(snapshots.Select(s => s.Progress?.Message).ToArray()),
                TimestampArray(snapshots.Select(s => s.Progress?.ReportedAt.UtcDateTime).ToArray()),
                BigintArray(snapshots.Select(s => s.Version).ToArray()),
                // Budgets and loops (migration 0062) in the same statement: one fewer per batch than an UPDATE after it.
                Array(snapshots.Select(s => s.Budget?.MaxCostUsd).ToArray(), NpgsqlDbType.Numeric),
                Array(snapshots.Select(s => s.Budget?.MaxTokens).ToArray(), NpgsqlDbType.Bigint),
                Array(snapshots.Select(s => s.BudgetWarning).ToArray(), NpgsqlDbType.Boolean),
                Array(snapshots.Select(s => s.Looping).ToArray(), NpgsqlDbType.Boolean),
                // Dispatch (migration 0061), also in the same statement. A job from before dispatch existed has none:
                // its row keeps the columns' defaults, as the migration gave them.
                TextArray(snapshots.Select(s => DispatchColumns.ModeName(s.Dispatch?.Spec.Mode ?? DispatchMode.Manual)).ToArray()),
                IntArray(snapshots.Select(s => (int?)(s.Dispatch?.Spec.Priority ?? 0)).ToArray()),
                JsonbArray(snapshots.Select(s => LabelsJson.Write(s.Dispatch?.Spec.Selector)).ToArray()),
                TextArray(snapshots.Select(s => s.Dispatch?.Spec.ConcurrencyKey).ToArray()),
                IntArray(snapshots.Select(s => s.Dispatch?.Spec.MaxAttempts).ToArray()),
                IntArray(snapshots.Select(s => s.Dispatch?.Spec.RetryBackoffSeconds).ToArray()),
                IntArray(snapshots.Select(s => s.Dispatch?.Spec.TimeoutSeconds).ToArray()),
                TimestampArray(snapshots.Select(s => s.Dispatch?.QueuedAt?.UtcDateTime).ToArray()),
                TimestampArray(snapshots.Select(s => s.Dispatch?.NotBefore?.UtcDateTime).ToArray()),
                TimestampArray(snapshots.Select(s => s.Dispatch?.Attempts.LastOrDefault()?.StartedAt.UtcDateTime).ToArray()),
                JsonbArray(snapshots.Select(s => DispatchColumns.WriteAttempts(s.Dispatch?.Attempts)).ToArray()));
        }

        if (timeline.Count > 0)
        {
            var rows = timeline.Values.ToList();
            Add(batch, InsertTimelineSql,
                UuidArray(rows.Select(r => r.Job.Id).ToArray()),
                BigintArray(rows.Select(r => r.Job.Version).ToArray()),
                TimestampArray(rows.Select(r => (DateTime?)r.At.UtcDateTime).ToArray()),
                TextArray(rows.Select(r => r.PreviousStatus?.ToWire()).ToArray()),
                TextArray(rows.Select(r => (string?)r.Job.Status.ToWire()).ToArray()),
                TextArray(rows.Select(r => (string?)r.Cause).ToArray()));
        }

        await AutoPreparedBatch.RunAsync(dataSource, async () =>
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    public async Task WriteHeartbeatsAsync(IReadOnlyList<AgentHeartbeat> heartbeats, CancellationToken cancellationToken)
    {
        if (heartbeats.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(UpdateHeartbeatsSql);
        command.Parameters.Add(UuidArray(heartbeats.Select(h => h.AgentId).ToArray()));
        command.Parameters.Add(TimestampArray(heartbeats.Select(h => (DateTime?)h.At.UtcDateTime).ToArray()));
        command.Parameters.Add(JsonbArray(heartbeats.Select(h => h.MetricsJson).ToArray()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static bool Supersedes(long version, bool deleted, long seenVersion) =>
        version > seenVersion || (version == seenVersion && deleted);

    private static void Add(NpgsqlBatch batch, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        batch.BatchCommands.Add(command);
    }

    private static NpgsqlParameter Text(string value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter UuidArray(Guid[] values) => Array(values, NpgsqlDbType.Uuid);

    private static NpgsqlParameter UuidArray(Guid?[] values) => Array(values, NpgsqlDbType.Uuid);

    private static NpgsqlParameter TextArray(string?[] values) => Array(values, NpgsqlDbType.Text);

    private static NpgsqlParameter IntArray(int?[] values) => Array(values, NpgsqlDbType.Integer);

    private static NpgsqlParameter BigintArray(long[] values) => Array(values, NpgsqlDbType.Bigint);

    private static NpgsqlParameter TimestampArray(DateTime?[] values) => Array(values, NpgsqlDbType.TimestampTz);

    private static NpgsqlParameter JsonbArray(string?[] values) => Array(values, NpgsqlDbType.Jsonb);

    private static NpgsqlParameter Array(object values, NpgsqlDbType elementType) =>
        new() { Value = values, NpgsqlDbType = NpgsqlDbType.Array | elementType };
}

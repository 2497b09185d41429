using Cockpit.Storage.Tests.Support;
using Npgsql;
using NpgsqlTypes;

namespace Cockpit.Storage.Tests.Statistics;

/// <summary>Writes read-model rows straight into a migrated database, with exactly the timestamps a test needs.</summary>
public sealed class ReadModelRows(MigratedDatabase database)
{
    public async Task ClearAsync() => await database.ExecuteAsync("TRUNCATE jobs, agents, job_timeline");

    public async Task<Guid> JobAsync(string status, DateTimeOffset createdAt, DateTimeOffset? updatedAt = null,
        DateTimeOffset? completedAt = null, DateTimeOffset? lastProgressAt = null, Guid? agentId = null,
        int? processed = null, int? total = null, string prompt = "a job", string? configName = "default")
    {
        var id = Guid.NewGuid();
        await using var command = database.DataSource.CreateCommand("""
            INSERT INTO jobs (id, prompt, config_name, status, assigned_agent_id, created_at, updated_at, completed_at,
                              last_progress_at, processed_requirements, total_requirements, version)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1)
            """);
        Add(command, id, NpgsqlDbType.Uuid);
        Add(command, prompt, NpgsqlDbType.Text);
        Add(command, configName, NpgsqlDbType.Varchar);
        Add(command, status, NpgsqlDbType.Varchar);
        Add(command, agentId, NpgsqlDbType.Uuid);
        Add(command, createdAt, NpgsqlDbType.TimestampTz);
        Add(command, updatedAt ?? createdAt, NpgsqlDbType.TimestampTz);
        Add(command, completedAt, NpgsqlDbType.TimestampTz);
        Add(command, lastProgressAt, NpgsqlDbType.TimestampTz);
        Add(command, processed, NpgsqlDbType.Integer);
        Add(command, total, NpgsqlDbType.Integer);
        await command.ExecuteNonQueryAsync();
        return id;
    }

    public async Task<Guid> AgentAsync(string configName, string status, string? hostname = null)
    {
        var id = Guid.NewGuid();
        await using var command = database.DataSource.CreateCommand("""
            INSERT INTO agents (id, config_name, hostname, status, registered_at, last_heartbeat, version)
            VALUES ($1, $2, $3, $4, now(), now(), 1)
            """);
        Add(command, id, NpgsqlDbType.Uuid);
        Add(command, configName, NpgsqlDbType.Varchar);
        Add(command, hostname ?? $"host-{id:N}", NpgsqlDbType.Varchar);
        Add(command, status, NpgsqlDbType.Varchar);
        await command.ExecuteNonQueryAsync();
        return id;
    }

    private static void Add(NpgsqlCommand command, object? value, NpgsqlDbType type) =>
        command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value, NpgsqlDbType = type });
}

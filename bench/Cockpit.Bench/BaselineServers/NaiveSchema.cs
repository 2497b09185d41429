using Npgsql;
using NpgsqlTypes;

namespace Cockpit.Bench.BaselineServers;

/// <summary>The seed's <c>agents</c> and <c>jobs</c> tables, as its Python orchestrator had them, for the naive baseline.</summary>
public static class NaiveSchema
{
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS jobs (
            id UUID PRIMARY KEY,
            prompt TEXT NOT NULL,
            status VARCHAR(20) NOT NULL DEFAULT 'created',
            assigned_agent_id UUID,
            created_at TIMESTAMP DEFAULT NOW(),
            updated_at TIMESTAMP DEFAULT NOW()
        );
        CREATE TABLE IF NOT EXISTS agents (
            id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
            config_name VARCHAR(100) NOT NULL,
            hostname VARCHAR(255),
            pod_ip VARCHAR(45),
            pod_port INTEGER DEFAULT 8001,
            pid INTEGER,
            status VARCHAR(20) NOT NULL DEFAULT 'booting',
            current_job_id UUID REFERENCES jobs(id),
            registered_at TIMESTAMP DEFAULT NOW(),
            last_heartbeat TIMESTAMP DEFAULT NOW(),
            metadata JSONB DEFAULT '{}'
        );
        CREATE INDEX IF NOT EXISTS idx_agents_status ON agents(status);
        CREATE INDEX IF NOT EXISTS idx_agents_last_heartbeat ON agents(last_heartbeat);
        """;

    public static async Task CreateAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Inserts agents in bulk (COPY): the scale scenario needs a million rows, not a million registrations.</summary>
    public static async Task InsertAgentsAsync(string connectionString, IReadOnlyList<Guid> ids)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var import = await connection.BeginBinaryImportAsync("COPY agents (id, config_name, hostname, pod_ip, status) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < ids.Count; i++)
            {
                await import.StartRowAsync();
                await import.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                await import.WriteAsync("sim", NpgsqlDbType.Varchar);
                await import.WriteAsync($"naive-{i}", NpgsqlDbType.Varchar);
                await import.WriteAsync("127.0.0.1", NpgsqlDbType.Varchar);
                await import.WriteAsync("ready", NpgsqlDbType.Varchar);
            }
            await import.CompleteAsync();
        }
        await using var analyze = new NpgsqlCommand("ANALYZE agents", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}

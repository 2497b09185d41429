using Npgsql;

namespace Cockpit.Bench.BaselineServers;

/// <summary>
/// The seed's tables (<see cref="NaiveSchema"/>) with what a PostgreSQL queue adds to them: a priority and a
/// concurrency key on each job, and the partial index such queues claim from.
/// </summary>
public static class QueueSchema
{
    public const string Sql = """
        ALTER TABLE jobs ADD COLUMN IF NOT EXISTS priority INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE jobs ADD COLUMN IF NOT EXISTS concurrency_key TEXT;
        CREATE INDEX IF NOT EXISTS idx_jobs_pending ON jobs (priority DESC, created_at, id) WHERE status = 'pending';
        """;

    public static async Task CreateAsync(string connectionString)
    {
        await NaiveSchema.CreateAsync(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

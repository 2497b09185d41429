using Npgsql;

namespace Cockpit.EndToEnd.Tests.Support;

/// <summary>
/// Reads the read-model tables straight from PostgreSQL, for what the REST API does not show: row versions (an agent
/// that flapped offline and back has moved two versions on) and a job's full timeline.
/// </summary>
public sealed class ReadModelProbe(string connectionString)
{
    /// <summary>Every agent row: id → (status, version).</summary>
    public async Task<Dictionary<Guid, (string Status, long Version)>> AgentsAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, status, version FROM agents", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<Guid, (string, long)>();
        while (await reader.ReadAsync()) rows[reader.GetGuid(0)] = (reader.GetString(1), reader.GetInt64(2));
        return rows;
    }

    /// <summary>Status changes recorded for each job (progress-only rows left out): job id → (from, to) in version order.</summary>
    public async Task<Dictionary<Guid, List<(string? From, string To)>>> JobTransitionsAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT job_id, from_status, to_status FROM job_timeline WHERE from_status IS DISTINCT FROM to_status ORDER BY job_id, version",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<Guid, List<(string?, string)>>();
        while (await reader.ReadAsync())
        {
            var id = reader.GetGuid(0);
            if (!rows.TryGetValue(id, out var list)) rows[id] = list = [];
            list.Add((reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
        }
        return rows;
    }
}

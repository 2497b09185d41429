using Cockpit.Grains;
using Cockpit.Grains.Agents;
using Npgsql;
using NpgsqlTypes;

namespace Cockpit.Storage.ReadModel;

/// <summary>Queries over the <c>agents</c> table (eventually consistent with the agent grains).</summary>
public sealed class AgentReadModel(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id, config_name, hostname, pod_ip, pod_port, pid, status, current_job_id, registered_at, last_heartbeat,
        metadata, last_metrics, version, labels
        """;

    /// <summary>Agents in registration order, optionally only those with <paramref name="status"/> and/or <paramref name="configName"/>.</summary>
    public async Task<IReadOnlyList<AgentRow>> ListAsync(
        AgentStatus? status = null,
        string? configName = null,
        CancellationToken cancellationToken = default)
    {
        // A filter with a NUL matches no row, and PostgreSQL would refuse it.
        if (PostgresText.HoldsNul(configName)) return [];
        await using var command = dataSource.CreateCommand();
        var filters = new List<string>();
        if (status is { } s)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = s.ToWire(), NpgsqlDbType = NpgsqlDbType.Text });
            filters.Add($"status = ${command.Parameters.Count}");
        }

        if (configName is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = configName, NpgsqlDbType = NpgsqlDbType.Text });
            filters.Add($"config_name = ${command.Parameters.Count}");
        }

        var where = filters.Count == 0 ? "" : "WHERE " + string.Join(" AND ", filters);
        command.CommandText = $"SELECT {Columns} FROM agents {where} ORDER BY registered_at, id";

        var rows = new List<AgentRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Map(reader));
        }

        return rows;
    }

    /// <summary>The agent's row, or null when there is none (never registered, deleted, or not projected yet).</summary>
    public async Task<AgentRow?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM agents WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id, NpgsqlDbType = NpgsqlDbType.Uuid });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Map(reader) : null;
    }

    private static AgentRow Map(NpgsqlDataReader r) => new(
        r.GetGuid(0),
        r.GetString(1),
        r.GetNullableString(2),
        r.GetNullableString(3),
        r.GetNullableInt32(4),
        r.GetNullableInt32(5),
        r.GetString(6),
        r.GetNullableGuid(7),
        r.GetNullableTimestamp(8),
        r.GetNullableTimestamp(9),
        r.GetNullableString(10),
        r.GetNullableString(11),
        r.GetInt64(12),
        LabelsJson.Read(r.GetNullableString(13)));
}

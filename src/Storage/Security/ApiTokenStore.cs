using Npgsql;

namespace Cockpit.Storage.Security;

/// <summary>
/// The table <c>api_tokens</c>. No cache on purpose: every silo reads the row on each request that carries a token
/// (a primary-key lookup), so a revocation (a deleted row) is seen by all silos at once, with nothing to invalidate
/// and no notice that could be missed (docs/adr/0011-api-tokens.md).
/// </summary>
public sealed class ApiTokenStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, name, role, created_by, created_at, expires_at";

    public async Task<ApiTokenRecord> InsertAsync(Guid id, string name, string role, string createdBy, DateTimeOffset? expiresAt,
        byte[] secretSha256, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO api_tokens (id, name, role, created_by, expires_at, secret_sha256) VALUES ($1, $2, $3, $4, $5, $6) RETURNING {Columns}");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = role });
        command.Parameters.Add(new NpgsqlParameter { Value = createdBy });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)expiresAt?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = secretSha256 });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Read(reader);
    }

    /// <summary>Every token, newest first.</summary>
    public async Task<IReadOnlyList<ApiTokenRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM api_tokens ORDER BY created_at DESC, id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tokens = new List<ApiTokenRecord>();
        while (await reader.ReadAsync(cancellationToken)) tokens.Add(Read(reader));
        return tokens;
    }

    /// <summary>The token and the SHA-256 of its secret, or null when there is no such token (never made, or revoked).</summary>
    public async Task<(ApiTokenRecord Token, byte[] SecretSha256)?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns}, secret_sha256 FROM api_tokens WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return (Read(reader), reader.GetFieldValue<byte[]>(6));
    }

    /// <summary>Revokes: deletes the row. False when there was none.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM api_tokens WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static ApiTokenRecord Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetFieldValue<DateTimeOffset>(4),
        reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5));
}

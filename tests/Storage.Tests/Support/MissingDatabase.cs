using Cockpit.TestSupport;
using Npgsql;

namespace Cockpit.Storage.Tests.Support;

/// <summary>A connection string to a database that does not exist yet; dropped on dispose if something created it.</summary>
public sealed class MissingDatabase : IAsyncDisposable
{
    private readonly TestDatabase _cleanup;

    public MissingDatabase()
    {
        var name = $"mig_{Guid.NewGuid():N}";
        ConnectionString = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString) { Database = name }.ConnectionString;
        _cleanup = new TestDatabase(name, ConnectionString);
    }

    public string ConnectionString { get; }

    public ValueTask DisposeAsync() => _cleanup.DisposeAsync();

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}

using Npgsql;

namespace Cockpit.TestSupport;

/// <summary>
/// The PostgreSQL server the tests run against. <c>make test</c> starts a private one and passes its admin
/// connection string in <c>COCKPIT_TEST_POSTGRES</c>; there is no fallback to a mock.
/// </summary>
public static class TestPostgres
{
    public const string EnvironmentVariable = "COCKPIT_TEST_POSTGRES";

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable)
        ?? throw new InvalidOperationException(
            $"{EnvironmentVariable} is not set. Run the tests through 'make test', which starts a private PostgreSQL.");

    /// <summary>Creates an empty database with a unique name; dispose the result to drop it.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync(string prefix = "t")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name };
        return new TestDatabase(name, builder.ConnectionString);
    }
}

using Cockpit.Storage.Migrations;
using Cockpit.TestSupport;
using Npgsql;

namespace Cockpit.GraphQL.Tests.Support;

/// <summary>One migrated database for a test class, named after <paramref name="prefix"/>; dropped after the class.</summary>
public abstract class MigratedDatabaseFixture(string prefix) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync(prefix);
        await new DatabaseMigrator(_database.ConnectionString).MigrateAsync();
        DataSource = NpgsqlDataSource.Create(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _database.DisposeAsync();
    }
}

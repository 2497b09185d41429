using Cockpit.Storage.Telemetry.Audit;
using Cockpit.Storage.Tests.Support;

namespace Cockpit.Storage.Tests.Telemetry;

public sealed class PostgresAuditStoreTests(PostgresAuditStoreTests.Fixture fixture) : AuditStoreContract, IClassFixture<PostgresAuditStoreTests.Fixture>
{
    protected override IAuditStore Store => fixture.Store;

    public sealed class Fixture : IAsyncLifetime
    {
        private readonly MigratedDatabase _database = new();

        public PostgresAuditStore Store { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await _database.InitializeAsync();
            Store = new PostgresAuditStore(_database.DataSource);
        }

        public Task DisposeAsync() => _database.DisposeAsync();
    }
}

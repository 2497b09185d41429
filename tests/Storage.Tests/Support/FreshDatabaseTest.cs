namespace Cockpit.Storage.Tests.Support;

/// <summary>Base for tests that each get a freshly migrated database, so that listings see only their own rows.</summary>
public abstract class FreshDatabaseTest : IAsyncLifetime
{
    protected MigratedDatabase Database { get; } = new();

    public virtual Task InitializeAsync() => Database.InitializeAsync();

    public virtual Task DisposeAsync() => Database.DisposeAsync();
}

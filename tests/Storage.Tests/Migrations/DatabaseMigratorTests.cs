using Cockpit.Storage.Migrations;
using Cockpit.Storage.Tests.Support;
using DbUp.Engine;

namespace Cockpit.Storage.Tests.Migrations;

public sealed class DatabaseMigratorTests
{
    // Every key the 10.4.2 clustering, persistence and reminder providers look up (read from their assemblies).
    private static readonly string[] ProviderQueryKeys =
    [
        "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
        "MembershipReadRowKey", "MembershipReadAllKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey",
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key",
        "ReadRangeRows2Key", "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    [Fact]
    public async Task Creates_a_missing_database_applies_every_script_and_a_second_run_applies_none()
    {
        await using var database = new MissingDatabase();

        var first = await new DatabaseMigrator(database.ConnectionString).MigrateAsync();
        var second = await new DatabaseMigrator(database.ConnectionString).MigrateAsync();

        first.ShouldBe(DatabaseMigrator.ScriptNames);
        first[0].ShouldBe("0001_orleans_shared.sql");
        second.ShouldBeEmpty();
        (await database.ScalarAsync<long>("SELECT count(*) FROM schemaversions")).ShouldBe(DatabaseMigrator.ScriptNames.Count);
        var keys = await database.ScalarAsync<string[]>("SELECT array_agg(querykey ORDER BY querykey) FROM orleansquery");
        keys.ShouldBe(ProviderQueryKeys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Three_concurrent_migrations_of_a_missing_database_apply_each_script_exactly_once()
    {
        await using var database = new MissingDatabase();

        var runs = await Task.WhenAll(Enumerable.Range(0, 3)
            .Select(_ => Task.Run(() => new DatabaseMigrator(database.ConnectionString).MigrateAsync())));

        runs.SelectMany(applied => applied).Order(StringComparer.Ordinal).ShouldBe(DatabaseMigrator.ScriptNames);
        runs.Count(applied => applied.Count > 0).ShouldBe(1);
        (await database.ScalarAsync<long>("SELECT count(*) FROM schemaversions")).ShouldBe(DatabaseMigrator.ScriptNames.Count);
    }

    [Fact]
    public async Task A_failing_script_is_named_rolled_back_and_not_journaled_so_a_fixed_rerun_applies_it()
    {
        await using var database = new MissingDatabase();
        var good = new SqlScript("0001_good.sql", "CREATE TABLE good_table (id int)");
        var bad = new SqlScript("0002_bad.sql", "CREATE TABLE half_done (id int); SELECT no_such_function();");

        var failure = await Should.ThrowAsync<DatabaseMigrationException>(
            () => new DatabaseMigrator(database.ConnectionString, [good, bad], null).MigrateAsync());

        failure.ScriptName.ShouldBe("0002_bad.sql");
        failure.Message.ShouldContain("0002_bad.sql");
        failure.Message.ShouldContain("no_such_function");
        (await database.ScalarAsync<bool>("SELECT to_regclass('good_table') IS NOT NULL")).ShouldBeTrue();
        (await database.ScalarAsync<bool>("SELECT to_regclass('half_done') IS NULL")).ShouldBeTrue();

        var fixedBad = new SqlScript("0002_bad.sql", "CREATE TABLE half_done (id int)");
        var rerun = await new DatabaseMigrator(database.ConnectionString, [good, fixedBad], null).MigrateAsync();

        rerun.ShouldBe(["0002_bad.sql"]);
        (await database.ScalarAsync<bool>("SELECT to_regclass('half_done') IS NOT NULL")).ShouldBeTrue();
    }

    [Fact]
    public async Task An_unreachable_server_gives_a_clear_error()
    {
        var connectionString = $"Host=127.0.0.1;Port={Cockpit.TestSupport.FreePort.Next()};Username=postgres;Database=nowhere;Timeout=2";

        var failure = await Should.ThrowAsync<DatabaseMigrationException>(
            () => new DatabaseMigrator(connectionString).MigrateAsync());

        failure.Message.ShouldContain("nowhere");
        failure.ScriptName.ShouldBeNull();
    }
}

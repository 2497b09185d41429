using Microsoft.Extensions.DependencyInjection;
using Cockpit.Storage.Tests.Support;

namespace Cockpit.Storage.Tests.OrleansProviders;

public sealed class OrleansPostgresTests(OrleansClusterFixture fixture) : IClassFixture<OrleansClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private MigratedDatabase Database => fixture.Database;

    [Fact]
    public async Task Both_silos_are_active_in_the_membership_table_and_keep_their_heartbeat_rows_fresh()
    {
        var clusterId = fixture.Cluster.Options.ClusterId;
        var expected = fixture.Cluster.Silos
            .Select(s => $"{s.SiloAddress.Endpoint.Address}:{s.SiloAddress.Endpoint.Port}:{s.SiloAddress.Generation}")
            .Order(StringComparer.Ordinal)
            .ToArray();

        var active = await Database.ScalarAsync<string[]>(
            "SELECT array_agg(address || ':' || port || ':' || generation ORDER BY address || ':' || port || ':' || generation) FROM orleansmembershiptable WHERE deploymentid = $1 AND status = 3",
            clusterId);

        active.ShouldBe(expected);
        // Both silos must have written a heartbeat after joining (IAmAliveTablePublishTimeout is 2 s here).
        await Poll.UntilAsync(
            () => Database.ScalarAsync<long>(
                "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = $1 AND status = 3 AND iamalivetime > starttime + interval '1 second'",
                clusterId),
            fresh => fresh == 2,
            Patience,
            "both silos to refresh IAmAliveTime");
    }

    [Fact]
    public async Task Grain_state_survives_deactivation_in_both_the_named_and_the_default_provider_as_json()
    {
        var grain = fixture.Client.GetGrain<IStateProbeGrain>(Guid.NewGuid());
        await grain.WriteAsync("first", "default-first");
        await grain.WriteAsync("second", "default-second");
        var before = await grain.ActivationAsync();

        await fixture.Cluster.DeactivateAsync(grain);
        (await grain.ActivationAsync()).ShouldNotBe(before);
        var (named, byDefault, writes) = await grain.ReadAsync();

        named.ShouldBe("second");
        byDefault.ShouldBe("default-second");
        writes.ShouldBe(2);
        var stored = await Database.ScalarAsync<string>(
            "SELECT convert_from(payloadbinary, 'UTF8') FROM orleansstorage WHERE graintypestring = 'named' AND grainidn0 <> 0 AND convert_from(payloadbinary, 'UTF8') LIKE '%second%'");
        stored.ShouldStartWith("{");
        stored.ShouldNotContain("$type"); // Orleans' default Newtonsoft serializer would embed type names
        (await Database.ScalarAsync<int>(
            "SELECT version FROM orleansstorage WHERE graintypestring = 'named' AND convert_from(payloadbinary, 'UTF8') LIKE '%second%'"))
            .ShouldBe(2);
    }

    [Fact]
    public async Task Clearing_state_keeps_a_versioned_row_without_payload()
    {
        var grain = fixture.Client.GetGrain<IStateProbeGrain>(Guid.NewGuid());
        await grain.WriteAsync("to-clear", "kept");
        var rowsBefore = await Database.ScalarAsync<long>("SELECT count(*) FROM orleansstorage WHERE graintypestring = 'named' AND payloadbinary IS NULL");

        await grain.ClearNamedAsync();
        var before = await grain.ActivationAsync();
        await fixture.Cluster.DeactivateAsync(grain);
        (await grain.ActivationAsync()).ShouldNotBe(before);
        var (named, byDefault, writes) = await grain.ReadAsync();

        named.ShouldBeNull();
        writes.ShouldBe(0);
        byDefault.ShouldBe("kept");
        (await Database.ScalarAsync<long>("SELECT count(*) FROM orleansstorage WHERE graintypestring = 'named' AND payloadbinary IS NULL AND version = 2"))
            .ShouldBe(rowsBefore + 1);
        // A write after the clear must pass the version check.
        await grain.WriteAsync("after-clear", "kept");
        (await grain.ReadAsync()).Named.ShouldBe("after-clear");
    }

    [Fact]
    public async Task DeleteStateOnClear_removes_the_row_and_the_grain_can_write_again()
    {
        var grain = fixture.Client.GetGrain<IStateProbeGrain>(Guid.NewGuid());
        await grain.WriteDeletingAsync("doomed");
        var marker = "reborn-" + Guid.NewGuid().ToString("N");

        await grain.ClearDeletingAsync();
        (await Database.ScalarAsync<long>("SELECT count(*) FROM orleansstorage WHERE graintypestring = 'deleting' AND convert_from(payloadbinary, 'UTF8') LIKE '%doomed%'"))
            .ShouldBe(0);
        await grain.WriteDeletingAsync(marker);
        var before = await grain.ActivationAsync();
        await fixture.Cluster.DeactivateAsync(grain);
        (await grain.ActivationAsync()).ShouldNotBe(before);

        (await grain.ReadDeletingAsync()).ShouldBe(marker);
        (await Database.ScalarAsync<int>($"SELECT version FROM orleansstorage WHERE convert_from(payloadbinary, 'UTF8') LIKE '%{marker}%'"))
            .ShouldBe(1);
    }

    [Fact]
    public async Task String_keys_that_look_hexadecimal_do_not_collide_behind_the_host_prefix()
    {
        var a = fixture.Client.GetGrain<IKeyedProbeGrain>("host:a1");
        var b = fixture.Client.GetGrain<IKeyedProbeGrain>("host:0A1");
        await a.WriteAsync("value-a");
        await b.WriteAsync("value-b");
        var before = await a.ActivationAsync();

        await fixture.Cluster.DeactivateAsync(a);
        await fixture.Cluster.DeactivateAsync(b);
        (await a.ActivationAsync()).ShouldNotBe(before);

        (await a.ReadAsync()).ShouldBe("value-a");
        (await b.ReadAsync()).ShouldBe("value-b");
    }

    [Fact]
    public async Task A_registered_reminder_is_stored_fires_and_is_removed_on_unregister()
    {
        var id = Guid.NewGuid();
        var grain = fixture.Client.GetGrain<IReminderProbeGrain>(id);

        await grain.RegisterAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        var firedOn = await ReminderSignals.FiredAsync(id).WaitAsync(Patience);
        firedOn.ShouldNotBeNullOrEmpty();
        (await Database.ScalarAsync<long>("SELECT count(*) FROM orleansreminderstable WHERE grainid LIKE $1", $"%{id:N}%"))
            .ShouldBe(1);

        await grain.UnregisterAsync();
        (await Database.ScalarAsync<long>("SELECT count(*) FROM orleansreminderstable WHERE grainid LIKE $1", $"%{id:N}%"))
            .ShouldBe(0);
    }

    [Fact]
    public async Task Defunct_silo_cleanup_deletes_old_dead_rows_and_keeps_live_ones()
    {
        var clusterId = fixture.Cluster.Options.ClusterId;
        await Database.ExecuteAsync($"""
            INSERT INTO orleansmembershiptable
                (deploymentid, address, port, generation, siloname, hostname, status, proxyport, suspecttimes, starttime, iamalivetime)
            VALUES ('{clusterId}', '10.9.9.9', 11111, 1, 'ghost', 'ghost-host', 6, 0, NULL, now() - interval '2 days', now() - interval '2 days'),
                   ('{clusterId}', '10.9.9.8', 11111, 1, 'recent-ghost', 'ghost-host', 6, 0, NULL, now() - interval '2 days', now())
            """);
        var silo = fixture.Cluster.Silos[0];
        var table = fixture.Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<IMembershipTable>();

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddDays(-1));

        var remaining = await Database.ScalarAsync<string[]>(
            "SELECT array_agg(siloname ORDER BY siloname) FROM orleansmembershiptable WHERE deploymentid = $1 AND hostname = 'ghost-host'",
            clusterId);
        remaining.ShouldBe(["recent-ghost"]);
        (await Database.ScalarAsync<long>("SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = $1 AND status = 3", clusterId))
            .ShouldBe(2);
    }
}

using Cockpit.Storage.OrleansProviders;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;

namespace Cockpit.Storage.Tests.OrleansProviders;

/// <summary>
/// The grouped writes (ADR 0026) against the same two-silo cluster: shared round trips, Orleans' version checks, and a
/// refused write that does not take its batch down with it. Reads go through Orleans' own provider, so every read-back
/// also proves that the rows are where that provider looks.
/// </summary>
public sealed class GroupCommitGrainStorageTests(OrleansClusterFixture fixture) : IClassFixture<OrleansClusterFixture>
{
    private const string StateName = "group-commit-probe";

    private IServiceProvider Silo => fixture.Cluster.GetSiloServiceProvider(fixture.Cluster.Silos[0].SiloAddress);

    private IGrainStorage Storage => Silo.GetRequiredKeyedService<IGrainStorage>(OrleansPostgres.StorageName);

    private static GrainId NewGrain() => GrainId.Create("group-commit-probe", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Both_providers_of_the_silo_are_the_grouping_one()
    {
        Storage.ShouldBeOfType<GroupCommitGrainStorage>();
        Silo.GetRequiredKeyedService<IGrainStorage>(Orleans.Providers.ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)
            .ShouldBeOfType<GroupCommitGrainStorage>();
    }

    [Fact]
    public async Task Concurrent_writes_share_round_trips_and_each_reads_back_as_written()
    {
        var batcher = Silo.GetRequiredService<GrainStateWriteBatcher>();
        var before = batcher.Committed;
        var grains = Enumerable.Range(0, 200).Select(_ => NewGrain()).ToList();

        var states = grains.Select((_, i) => new GrainState<ProbeState>(new ProbeState { Value = $"v{i}", Writes = i })).ToList();
        await Task.WhenAll(grains.Select((g, i) => Task.Run(() => Storage.WriteStateAsync(StateName, g, states[i]))));

        var after = batcher.Committed;
        (after.Writes - before.Writes).ShouldBeGreaterThanOrEqualTo(200);
        // One round trip each would be 200; 200 writes queued at once must share some.
        (after.RoundTrips - before.RoundTrips).ShouldBeLessThan(after.Writes - before.Writes);
        for (var i = 0; i < grains.Count; i++)
        {
            states[i].ETag.ShouldBe("1");
            var read = new GrainState<ProbeState>();
            await Storage.ReadStateAsync(StateName, grains[i], read);
            read.State!.Value.ShouldBe($"v{i}");
            read.ETag.ShouldBe("1");
            read.RecordExists.ShouldBeTrue();
        }
    }

    [Fact]
    public async Task A_stale_or_missing_version_is_refused_and_changes_nothing()
    {
        var grain = NewGrain();
        var current = new GrainState<ProbeState>(new ProbeState { Value = "first" });
        await Storage.WriteStateAsync(StateName, grain, current);
        current.State!.Value = "second";
        await Storage.WriteStateAsync(StateName, grain, current);
        current.ETag.ShouldBe("2");

        var stale = new GrainState<ProbeState>(new ProbeState { Value = "stale" }) { ETag = "1" };
        await Should.ThrowAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, stale));
        var unaware = new GrainState<ProbeState>(new ProbeState { Value = "unaware" });
        await Should.ThrowAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, unaware));

        var read = new GrainState<ProbeState>();
        await Storage.ReadStateAsync(StateName, grain, read);
        read.State!.Value.ShouldBe("second");
        read.ETag.ShouldBe("2");
    }

    [Fact]
    public async Task Two_first_writes_of_one_row_at_once_let_exactly_one_win()
    {
        var grain = NewGrain();
        var writes = Enumerable.Range(0, 8)
            .Select(i => Task.Run(() => Storage.WriteStateAsync(StateName, grain, new GrainState<ProbeState>(new ProbeState { Value = $"w{i}" }))))
            .ToList();

        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try { await w; return true; }
            catch (InconsistentStateException) { return false; }
        }));

        outcomes.Count(won => won).ShouldBe(1);
        var read = new GrainState<ProbeState>();
        await Storage.ReadStateAsync(StateName, grain, read);
        read.ETag.ShouldBe("1");
    }

    [Fact]
    public async Task A_write_the_database_refuses_fails_alone_and_its_batch_is_written()
    {
        // graintypestring is varchar(512): PostgreSQL refuses a longer state name, after the others were queued beside it.
        var refusedName = new string('x', 600);
        var grains = Enumerable.Range(0, 40).Select(_ => NewGrain()).ToList();
        var writes = grains.Select((g, i) => i == 20
                ? Task.Run(() => Storage.WriteStateAsync(refusedName, g, new GrainState<ProbeState>(new ProbeState { Value = "refused" })))
                : Task.Run(() => Storage.WriteStateAsync(StateName, g, new GrainState<ProbeState>(new ProbeState { Value = $"ok{i}" }))))
            .ToList();

        await Should.ThrowAsync<PostgresException>(() => writes[20]);
        for (var i = 0; i < grains.Count; i++)
        {
            if (i == 20) continue;
            await writes[i];
            var read = new GrainState<ProbeState>();
            await Storage.ReadStateAsync(StateName, grains[i], read);
            read.State!.Value.ShouldBe($"ok{i}");
        }
    }

    [Fact]
    public async Task Refused_batches_among_prepared_writes_leave_the_pool_writing()
    {
        // The pool auto-prepares the write statement after a few uses; a refused statement inside a batch once left those
        // prepared statements out of step with the server, and a later write on that connection read another statement's
        // reply (npgsql/npgsql#6391). Rounds of warm batches, each with one refused write, then healthy writes after it.
        var refusedName = new string('x', 600);
        for (var round = 0; round < 120; round++)
        {
            var size = 2 + round % 9;
            var refused = round % size;
            var grains = Enumerable.Range(0, size).Select(_ => NewGrain()).ToList();
            var writes = grains.Select((g, i) => i == refused
                    ? Task.Run(() => Storage.WriteStateAsync(refusedName, g, new GrainState<ProbeState>(new ProbeState { Value = "refused" })))
                    : Task.Run(() => Storage.WriteStateAsync(StateName, g, new GrainState<ProbeState>(new ProbeState { Value = $"r{round}-{i}" }))))
                .ToList();
            await Should.ThrowAsync<PostgresException>(() => writes[refused]);
            for (var i = 0; i < grains.Count; i++)
            {
                if (i != refused) await writes[i];
            }

            var after = Enumerable.Range(0, 16).Select(_ => NewGrain()).ToList();
            await Task.WhenAll(after.Select((g, i) => Task.Run(() => Storage.WriteStateAsync(StateName, g, new GrainState<ProbeState>(new ProbeState { Value = $"a{round}-{i}" })))));
            for (var i = 0; i < after.Count; i++)
            {
                var read = new GrainState<ProbeState>();
                await Storage.ReadStateAsync(StateName, after[i], read);
                read.State!.Value.ShouldBe($"a{round}-{i}");
            }
        }
    }
}

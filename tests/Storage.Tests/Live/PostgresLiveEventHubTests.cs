using System.Collections.Concurrent;
using Cockpit.Storage.Live;
using Cockpit.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shouldly;
using Xunit;

namespace Cockpit.Storage.Tests.Live;

/// <summary>Two hubs on one database stand for two silos: a notice published on either reaches both, in order.</summary>
public sealed class PostgresLiveEventHubTests
{
    private static readonly System.Text.Json.JsonSerializerOptions WebJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_notice_published_by_one_silo_reaches_every_silo_in_order()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync("live");
        await using var sourceA = NpgsqlDataSource.Create(database.ConnectionString);
        await using var sourceB = NpgsqlDataSource.Create(database.ConnectionString);
        using var hubA = new PostgresLiveEventHub(sourceA, sourceA, NullLogger<PostgresLiveEventHub>.Instance);
        using var hubB = new PostgresLiveEventHub(sourceB, sourceB, NullLogger<PostgresLiveEventHub>.Instance);
        using var stop = new CancellationTokenSource();
        await hubA.StartAsync(stop.Token);
        await hubB.StartAsync(stop.Token);
        await Task.WhenAll(hubA.Listening, hubB.Listening).WaitAsync(TimeSpan.FromSeconds(10));

        var seenByA = new ConcurrentQueue<LiveEvent>();
        var seenByB = new ConcurrentQueue<LiveEvent>();
        var allSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        const int count = 50;
        using var subA = hubA.Events.Subscribe(e => seenByA.Enqueue(e));
        using var subB = hubB.Events.Subscribe(e =>
        {
            seenByB.Enqueue(e);
            if (seenByB.Count == count) allSeen.TrySetResult();
        });

        var jobId = Guid.NewGuid();
        var published = Enumerable.Range(1, count)
            .Select(i => new LiveEvent(LiveEventKinds.Job, jobId, jobId, i, DateTimeOffset.UtcNow, new string('x', i == 7 ? 5000 : 3)))
            .ToList();
        await hubA.PublishAsync(published);

        await allSeen.Task.WaitAsync(TimeSpan.FromSeconds(10));
        seenByB.Select(e => e.Version).ShouldBe(Enumerable.Range(1, count).Select(i => (long)i));
        seenByB.All(e => e.Id == jobId && e.Kind == LiveEventKinds.Job).ShouldBeTrue();
        // Oversized details are cut so the notice fits PostgreSQL's 8000-byte payload limit.
        seenByB.Single(e => e.Version == 7).Detail!.Length.ShouldBeLessThanOrEqualTo(300);

        // The publishing silo hears its own notices through the same path.
        await WaitUntilAsync(() => seenByA.Count == count);
        seenByA.Select(e => e.Version).ShouldBe(Enumerable.Range(1, count).Select(i => (long)i));

        await stop.CancelAsync();
        await hubA.StopAsync(CancellationToken.None);
        await hubB.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Many_notices_travel_in_few_notifications_and_a_single_object_payload_is_still_understood()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync("live_packed");
        await using var source = NpgsqlDataSource.Create(database.ConnectionString);
        using var hub = new PostgresLiveEventHub(source, source, NullLogger<PostgresLiveEventHub>.Instance);
        using var stop = new CancellationTokenSource();
        await hub.StartAsync(stop.Token);
        await hub.Listening.WaitAsync(TimeSpan.FromSeconds(10));

        // A plain listener counts the NOTIFYs themselves.
        var payloads = new ConcurrentQueue<string>();
        await using var raw = await source.OpenConnectionAsync();
        raw.Notification += (_, args) => payloads.Enqueue(args.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresLiveEventHub.Channel}", raw)) await listen.ExecuteNonQueryAsync();

        var seen = new ConcurrentQueue<LiveEvent>();
        using var sub = hub.Events.Subscribe(seen.Enqueue);
        const int count = 600;
        var jobId = Guid.NewGuid();
        await hub.PublishAsync(Enumerable.Range(1, count)
            .Select(i => new LiveEvent(LiveEventKinds.Job, jobId, jobId, i, DateTimeOffset.UtcNow, "ü" + new string('x', i % 290)))
            .ToList());
        await WaitUntilAsync(() => seen.Count == count);
        seen.Select(e => e.Version).ShouldBe(Enumerable.Range(1, count).Select(i => (long)i));

        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while (payloads.Sum(p => p.Split("\"version\":").Length - 1) < count) await raw.WaitAsync(wait.Token);
        }
        // About 30 notices of up to ~350 bytes fit one payload; one per notice would be 600.
        payloads.Count.ShouldBeLessThan(count / 10);
        payloads.ShouldAllBe(p => System.Text.Encoding.UTF8.GetByteCount(p) <= 8000 && p.StartsWith('['));

        // What a silo from before packing sends: one notice, one object.
        var single = new LiveEvent(LiveEventKinds.Agent, Guid.NewGuid(), null, 42, DateTimeOffset.UtcNow);
        await using (var notify = new NpgsqlCommand($"SELECT pg_notify('{PostgresLiveEventHub.Channel}', $1)", raw))
        {
            notify.Parameters.Add(new NpgsqlParameter { Value = System.Text.Json.JsonSerializer.Serialize(single, WebJson) });
            await notify.ExecuteNonQueryAsync();
        }
        await WaitUntilAsync(() => seen.Any(e => e.Id == single.Id));
        seen.Single(e => e.Id == single.Id).Version.ShouldBe(42);

        await stop.CancelAsync();
        await hub.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void Packing_keeps_order_and_every_payload_under_the_limit()
    {
        var notices = Enumerable.Range(0, 100).Select(i => $"{{\"n\":{i},\"d\":\"{new string('é', i * 10)}\"}}").ToList();

        var payloads = PostgresLiveEventHub.Pack(notices);

        payloads.ShouldAllBe(p => System.Text.Encoding.UTF8.GetByteCount(p) <= 7900);
        var unpacked = payloads.SelectMany(p => System.Text.Json.JsonDocument.Parse(p).RootElement.EnumerateArray().Select(e => e.GetProperty("n").GetInt32())).ToList();
        unpacked.ShouldBe(Enumerable.Range(0, 100));
        payloads.Count.ShouldBeGreaterThan(1);
        PostgresLiveEventHub.Pack([]).ShouldBeEmpty();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met within 10 s");
            await Task.Delay(20);
        }
    }
}

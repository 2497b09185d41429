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
    [Fact]
    public async Task A_notice_published_by_one_silo_reaches_every_silo_in_order()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync("live");
        await using var sourceA = NpgsqlDataSource.Create(database.ConnectionString);
        await using var sourceB = NpgsqlDataSource.Create(database.ConnectionString);
        using var hubA = new PostgresLiveEventHub(sourceA, NullLogger<PostgresLiveEventHub>.Instance);
        using var hubB = new PostgresLiveEventHub(sourceB, NullLogger<PostgresLiveEventHub>.Instance);
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

using System.Reactive.Subjects;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Cockpit.Storage.Live;

/// <summary>
/// Fans change notices out to every silo through PostgreSQL <c>NOTIFY</c> / <c>LISTEN</c> on one channel.
/// </summary>
/// <remarks>
/// PostgreSQL is already the one thing every silo shares, so it needs no extra broker; a notice sent inside or
/// after a committed write is delivered to every listener in commit order within milliseconds. A silo hears its
/// own notices through the same path, so local and remote subscribers see one order. Notices are small by design
/// (NOTIFY carries at most 8000 bytes): they name what changed; readers fetch the rest. Delivery is at-most-once:
/// a silo whose listening connection drops misses what was sent meanwhile, which is why subscribers re-read state
/// rather than rebuilding it from notices.
/// <para>Notices travel packed: each NOTIFY carries a JSON array of as many notices as fit its payload, so a busy silo
/// sends and every silo wakes once per few dozen notices instead of once per notice (a queued job makes six). A
/// payload that is a single object, as silos before packing sent, is still understood.</para>
/// </remarks>
/// <param name="dataSource">The pool the listening connection comes from: a connection that still LISTENs must be
/// reset before anyone else gets it.</param>
/// <param name="sender">The pool notices are sent from, which may skip that reset
/// (<see cref="StorageServiceCollectionExtensions.BackgroundWriterDataSourceKey"/>).</param>
public sealed class PostgresLiveEventHub(
    NpgsqlDataSource dataSource,
    [FromKeyedServices(StorageServiceCollectionExtensions.BackgroundWriterDataSourceKey)] NpgsqlDataSource sender,
    ILogger<PostgresLiveEventHub> logger)
    : BackgroundService, ILiveEventHub
{
    /// <summary>The NOTIFY channel name shared by all silos of a database.</summary>
    public const string Channel = "cockpit_live";

    /// <summary>Notices sent per round trip, packed into payloads (<see cref="Pack"/>); more wait for the next one.</summary>
    private const int SendBatchSize = 4000;

    private const int MaxDetailLength = 300;

    // PostgreSQL refuses a NOTIFY payload over 8000 bytes; a notice is at most about 1 KB (MaxDetailLength).
    private const int MaxPayloadBytes = 7900;

    private readonly Subject<LiveEvent> _events = new();
    private readonly Channel<LiveEvent> _outgoing = System.Threading.Channels.Channel.CreateUnbounded<LiveEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IObservable<LiveEvent> Events => _events;

    /// <summary>Completes once this silo's LISTEN is in place (tests wait on it before publishing).</summary>
    public Task Listening => _listening.Task;

    public Task PublishAsync(IReadOnlyList<LiveEvent> events, CancellationToken cancellationToken = default)
    {
        foreach (var e in events) _outgoing.Writer.TryWrite(e);
        return Task.CompletedTask;
    }

    public Task PublishLocalAsync(IReadOnlyList<LiveEvent> events, CancellationToken cancellationToken = default)
    {
        foreach (var e in events) DeliverLocally(e);
        return Task.CompletedTask;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, args) => Deliver(args.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                _listening.TrySetResult();
                delay = TimeSpan.FromMilliseconds(200);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or IOException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Live events: listening connection lost; reconnecting in {Delay}", delay);
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        var notices = new List<string>(SendBatchSize);
        while (await _outgoing.Reader.WaitToReadAsync(stoppingToken).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default))
        {
            notices.Clear();
            while (notices.Count < SendBatchSize && _outgoing.Reader.TryRead(out var e)) notices.Add(Encode(e));
            var batch = Pack(notices);
            var delay = TimeSpan.FromMilliseconds(100);
            while (true)
            {
                try
                {
                    await using var command = sender.CreateCommand($"SELECT pg_notify('{Channel}', payload) FROM unnest($1) AS payload");
                    command.Parameters.Add(new NpgsqlParameter { Value = batch.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                    await command.ExecuteNonQueryAsync(stoppingToken);
                    break;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is NpgsqlException or TimeoutException or IOException)
                {
                    // Notices are hints, but a short outage should not lose them: retry the batch a few times.
                    if (delay > TimeSpan.FromSeconds(3))
                    {
                        logger.LogWarning(ex, "Live events: dropping {Count} notices after retries", notices.Count);
                        break;
                    }
                    await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                    delay *= 2;
                }
            }
        }
    }

    private void Deliver(string payload)
    {
        LiveEvent?[]? events;
        try
        {
            events = payload.StartsWith('[')
                ? JsonSerializer.Deserialize<LiveEvent?[]>(payload, Json)
                : [JsonSerializer.Deserialize<LiveEvent>(payload, Json)];
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Live events: ignoring a malformed notice");
            return;
        }
        foreach (var e in events ?? [])
        {
            if (e is not null) DeliverLocally(e);
        }
    }

    /// <summary>Encoded notices, in order, as JSON arrays of at most <see cref="MaxPayloadBytes"/> bytes each.</summary>
    internal static List<string> Pack(IReadOnlyList<string> notices)
    {
        var payloads = new List<string>();
        var payload = new StringBuilder();
        var bytes = 0;
        foreach (var notice in notices)
        {
            var size = Encoding.UTF8.GetByteCount(notice);
            // One byte for the comma or the opening bracket, one for the closing bracket.
            if (payload.Length > 0 && bytes + size + 2 > MaxPayloadBytes)
            {
                payloads.Add(payload.Append(']').ToString());
                payload.Clear();
                bytes = 0;
            }
            payload.Append(payload.Length == 0 ? '[' : ',').Append(notice);
            bytes += size + 1;
        }
        if (payload.Length > 0) payloads.Add(payload.Append(']').ToString());
        return payloads;
    }

    private void DeliverLocally(LiveEvent e)
    {
        // One delivery at a time: notices from the listener and local publishes must not interleave in a subscriber.
        lock (_events)
        {
            try
            {
                _events.OnNext(e);
            }
            catch (Exception ex)
            {
                // A misbehaving subscriber must not take the listener down for everyone else.
                logger.LogError(ex, "Live events: a subscriber threw");
            }
        }
    }

    private static string Encode(LiveEvent e)
    {
        if (e.Detail is { Length: > MaxDetailLength }) e = e with { Detail = e.Detail[..MaxDetailLength] };
        return JsonSerializer.Serialize(e, Json);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private int _disposed;

    public override void Dispose()
    {
        // Registered as itself, as ILiveEventHub and as a hosted service: the container may dispose it more than once.
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _events.OnCompleted();
        _events.Dispose();
        base.Dispose();
    }
}

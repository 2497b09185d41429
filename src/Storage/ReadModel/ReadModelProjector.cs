using System.Collections.Concurrent;
using System.Threading.Channels;
using Cockpit.Grains.Events;
using Cockpit.Grains.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cockpit.Storage.ReadModel;

/// <summary>
/// Keeps the read-model tables (<c>agents</c>, <c>jobs</c>, <c>job_timeline</c>) up to date from grain events.
/// </summary>
/// <remarks>
/// <para>Grains must never wait on SQL, so <see cref="Publish"/> only queues; <see cref="PublishWrittenAsync"/> queues
/// too and lets a grain wait for the batch that holds its event (ADR 0018), never for a write of its own. One background loop drains the
/// queue in batches of up to <see cref="ReadModelOptions.BatchSize"/> events, each batch in one transaction.
/// Heartbeats are not queued one by one: the latest per agent is kept in memory and written every
/// <see cref="ReadModelOptions.HeartbeatFlushInterval"/> with one UPDATE.</para>
/// <para>Heartbeats enter the queue as a snapshot taken at flush time, behind every event published before it.
/// An agent's heartbeat always follows the event that created its row, so by the time a heartbeat is written
/// the row exists.</para>
/// <para>Failures: a transient database error retries the same batch with backoff until it succeeds. A batch
/// that fails for another reason (a bug, invalid JSON in a snapshot) is retried event by event, each in its own
/// transaction, and an event that still fails is logged and skipped, so that one bad event cannot stop the
/// read model for good.</para>
/// <para>Register it (through <c>AddCockpitStorage</c>) before the Orleans silo, so that it stops after the
/// silo and drains what the grains published while shutting down.</para>
/// </remarks>
public sealed class ReadModelProjector : IDomainEventSink, IHostedService, IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly Channel<ProjectorWorkItem> _queue =
        Channel.CreateUnbounded<ProjectorWorkItem>(new UnboundedChannelOptions { SingleReader = true });

    private readonly ConcurrentDictionary<Guid, AgentHeartbeat> _heartbeats = new();

    // Callers of PublishWrittenAsync whose events are in the batch being gathered; only the loop touches it.
    private readonly List<TaskCompletionSource> _eventWaiters = [];

    // Taking the heartbeat snapshot and queueing it happen together, so snapshots enter the queue in the order
    // they were taken.
    private readonly Lock _snapshotGate = new();

    // Cancelled only when a shutdown runs out of time; normal operation never gives up on a write.
    private readonly CancellationTokenSource _abandon = new();
    private readonly CancellationTokenSource _stopTicker = new();

    private readonly ReadModelWriter _writer;
    private readonly ReadModelOptions _options;
    private readonly ILogger<ReadModelProjector> _logger;

    private Task? _loop;
    private Task? _ticker;
    private int _disposed;

    /// <param name="dataSource">A pool whose connections may skip the reset on return: the projector changes no session
    /// state (<see cref="StorageServiceCollectionExtensions.BackgroundWriterDataSourceKey"/>).</param>
    public ReadModelProjector(
        [FromKeyedServices(StorageServiceCollectionExtensions.BackgroundWriterDataSourceKey)] NpgsqlDataSource dataSource,
        IOptions<ReadModelOptions> options,
        ILogger<ReadModelProjector> logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        _writer = new ReadModelWriter(dataSource);
        _options = options.Value;
        _logger = logger;
        if (_options.BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.BatchSize, "ReadModel:BatchSize must be at least 1.");
        }

        if (_options.HeartbeatFlushInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.HeartbeatFlushInterval, "ReadModel:HeartbeatFlushInterval must be positive.");
        }
    }

    /// <summary>
    /// Raised after each committed batch with its events in the order they were published (events skipped as
    /// unwritable are left out). Runs on the projector's loop: handlers must be quick and must not block.
    /// </summary>
    public event Action<IReadOnlyList<DomainEvent>>? BatchCommitted;

    /// <inheritdoc />
    public void Publish(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (!_queue.Writer.TryWrite(new ProjectorWorkItem(domainEvent, null, null)))
        {
            _logger.LogWarning("Read model projector is stopped; event {Event} is not projected", domainEvent);
        }
    }

    /// <inheritdoc />
    public Task PublishWrittenAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new ProjectorWorkItem(domainEvent, null, written)))
        {
            _logger.LogWarning("Read model projector is stopped; event {Event} is not projected", domainEvent);
            return Task.CompletedTask;
        }

        return written.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public void HeartbeatSeen(Guid agentId, DateTimeOffset at, string? metricsJson)
    {
        var sample = new AgentHeartbeat(agentId, at, metricsJson);
        _heartbeats.AddOrUpdate(agentId, sample, (_, current) => AgentHeartbeat.Newest(current, sample));
    }

    /// <summary>
    /// Completes when every event published and every heartbeat seen before this call is written (or, for an
    /// unwritable event, skipped). Requires the projector to be started.
    /// </summary>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // A stopped projector has already written (or given up on) everything it had.
        return QueueHeartbeats(written) ? written.Task.WaitAsync(cancellationToken) : Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop ??= Task.Run(RunAsync, CancellationToken.None);
        _ticker ??= Task.Run(TickAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Writes everything queued so far, then stops; gives up only when <paramref name="cancellationToken"/> fires.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopTicker.CancelAsync();
        if (_ticker is not null)
        {
            await _ticker;
        }

        lock (_snapshotGate)
        {
            var last = TakeHeartbeats();
            if (last.Count > 0)
            {
                _queue.Writer.TryWrite(new ProjectorWorkItem(null, last, null));
            }

            _queue.Writer.TryComplete();
        }

        if (_loop is null)
        {
            return;
        }

        try
        {
            await _loop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await _abandon.CancelAsync();
            await _loop;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // DI may hand the same instance out as three services and dispose it once for each.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _stopTicker.CancelAsync();
        await _abandon.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        if (_ticker is not null)
        {
            await _ticker;
        }

        _abandon.Dispose();
        _stopTicker.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task TickAsync()
    {
        using var timer = new PeriodicTimer(_options.HeartbeatFlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopTicker.Token))
            {
                QueueHeartbeats(written: null);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private bool QueueHeartbeats(TaskCompletionSource? written)
    {
        lock (_snapshotGate)
        {
            var heartbeats = TakeHeartbeats();
            if (heartbeats.Count == 0 && written is null)
            {
                return true;
            }

            if (_queue.Writer.TryWrite(new ProjectorWorkItem(null, heartbeats, written)))
            {
                return true;
            }

            // Stopped: put them back; nothing will write them, but a later snapshot should not miss them either.
            foreach (var heartbeat in heartbeats)
            {
                HeartbeatSeen(heartbeat.AgentId, heartbeat.At, heartbeat.MetricsJson);
            }

            return false;
        }
    }

    private List<AgentHeartbeat> TakeHeartbeats()
    {
        // TryRemove hands over the value current at removal; a beat arriving after it lands in the next snapshot.
        var taken = new List<AgentHeartbeat>();
        foreach (var agentId in _heartbeats.Keys)
        {
            if (_heartbeats.TryRemove(agentId, out var heartbeat))
            {
                taken.Add(heartbeat);
            }
        }

        return taken;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var pending = new List<DomainEvent>(Math.Min(_options.BatchSize, 4096));
        var waiting = new List<TaskCompletionSource>();
        try
        {
            while (await reader.WaitToReadAsync(_abandon.Token))
            {
                while (reader.TryRead(out var item))
                {
                    if (item.Event is not null)
                    {
                        pending.Add(item.Event);
                        if (item.Written is not null)
                        {
                            _eventWaiters.Add(item.Written);
                        }

                        if (pending.Count >= _options.BatchSize)
                        {
                            await CommitEventsAsync(pending);
                        }

                        continue;
                    }

                    if (item.Written is not null)
                    {
                        waiting.Add(item.Written);
                    }

                    await CommitEventsAsync(pending);
                    if (item.Heartbeats is { Count: > 0 } heartbeats)
                    {
                        await WriteResilientlyAsync(heartbeats, _writer.WriteHeartbeatsAsync, "heartbeats");
                    }

                    waiting.ForEach(w => w.TrySetResult());
                    waiting.Clear();
                }

                // The queue ran dry: write what we have rather than wait for a full batch.
                await CommitEventsAsync(pending);
            }
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            var lost = pending.Count;
            while (reader.TryRead(out var item))
            {
                lost += item.Event is null ? 0 : 1;
                item.Written?.TrySetCanceled();
            }

            waiting.ForEach(w => w.TrySetCanceled());
            _eventWaiters.ForEach(w => w.TrySetCanceled());
            _logger.LogError("Read model projector gave up at shutdown with {Count} event(s) unwritten; rebuild the read model from the grains if they matter", lost);
        }
    }

    private async Task CommitEventsAsync(List<DomainEvent> pending)
    {
        if (pending.Count == 0)
        {
            return;
        }

        var batch = pending.ToArray();
        var written = await WriteResilientlyAsync(batch, _writer.WriteEventsAsync, "events");
        pending.Clear();
        // Skipped events release their waiters too: they are logged as errors and waiting longer would not write them.
        _eventWaiters.ForEach(w => w.TrySetResult());
        _eventWaiters.Clear();
        if (written.Count == 0)
        {
            return;
        }

        try
        {
            BatchCommitted?.Invoke(written);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "A BatchCommitted handler failed; the batch itself is committed");
        }
    }

    /// <summary>
    /// Writes <paramref name="items"/> as one unit, retrying transient failures without end; on any other
    /// failure writes them one by one and skips those that still fail. Returns the items written.
    /// </summary>
    private async Task<IReadOnlyList<T>> WriteResilientlyAsync<T>(
        IReadOnlyList<T> items,
        Func<IReadOnlyList<T>, CancellationToken, Task> write,
        string what)
    {
        var delay = FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await write(items, _abandon.Token);
                return items;
            }
            catch (Exception ex) when (!_abandon.IsCancellationRequested && TransientErrors.IsTransient(ex))
            {
                _logger.LogWarning(ex, "Writing {Count} {What} to the read model failed (attempt {Attempt}); retrying in {Delay}", items.Count, what, attempt, delay);
                await Task.Delay(delay, _abandon.Token);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.RetryMaxDelay.Ticks));
            }
            catch (Exception ex) when (!_abandon.IsCancellationRequested)
            {
                if (items.Count == 1)
                {
                    _logger.LogError(ex, "Skipping unwritable {What} item {Item}", what, items[0]);
                    return [];
                }

                _logger.LogError(ex, "Writing {Count} {What} to the read model failed; retrying them one by one", items.Count, what);
                var written = new List<T>(items.Count);
                foreach (var item in items)
                {
                    written.AddRange(await WriteResilientlyAsync([item], write, what));
                }

                return written;
            }
        }
    }
}

using Npgsql;

namespace Cockpit.Storage.OrleansProviders;

/// <summary>
/// Group commit for grain-state writes: the writes that arrive while one round trip is under way go together in the
/// next, as one batch of Orleans' own write statement in one transaction (ADR 0026). A lone write goes at once, so
/// nothing waits for company; under load, many grains share one round trip and one commit instead of one each. Every
/// caller still awaits its own write, and hears of it only after the transaction committed.
/// </summary>
/// <remarks>
/// <para>One round trip at a time per silo keeps the batches full and the order plain; each grain writes one state at a
/// time anyway (its turn awaits the write). Two writes of the same row never share a batch: the second waits for the
/// next, so it is checked against the version the first wrote.</para>
/// <para>A statement that fails (the database refusing one row) would roll back the whole batch. Its writes are then
/// tried one by one, so only the failing one fails; a lost connection fails them all at once, as it would have.</para>
/// </remarks>
internal sealed class GrainStateWriteBatcher(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// At most this many writes in one round trip: large enough that a busy silo's writes of one millisecond fit, small
    /// enough that one batch's statements and payloads stay a few hundred kilobytes.
    /// </summary>
    internal const int MaxBatchSize = 256;

    private readonly object _gate = new();
    private readonly List<GrainStateWrite> _waiting = [];
    private bool _flushing;

    private long _roundTrips;
    private long _writes;

    /// <summary>Round trips that committed, and the writes they carried: how well writes are grouped.</summary>
    public (long RoundTrips, long Writes) Committed => (Interlocked.Read(ref _roundTrips), Interlocked.Read(ref _writes));

    /// <summary>Queues the write and answers the statement's result once its transaction committed.</summary>
    public Task<int?> WriteAsync(GrainStateWrite write)
    {
        lock (_gate)
        {
            _waiting.Add(write);
            if (!_flushing)
            {
                _flushing = true;
                // Off the caller's scheduler (a grain's turn): the flush serves every grain of the silo.
                _ = Task.Run(FlushAsync);
            }
        }
        return write.Stored;
    }

    private async Task FlushAsync()
    {
        while (TakeBatch() is { Count: > 0 } batch)
        {
            await SendAsync(batch);
        }
    }

    /// <summary>The next batch: the oldest writes, one per row, up to <see cref="MaxBatchSize"/>; none when idle.</summary>
    private List<GrainStateWrite> TakeBatch()
    {
        lock (_gate)
        {
            var batch = new List<GrainStateWrite>(Math.Min(_waiting.Count, MaxBatchSize));
            var rows = new HashSet<OrleansStorageKey>();
            for (var i = 0; i < _waiting.Count && batch.Count < MaxBatchSize; i++)
            {
                if (rows.Add(_waiting[i].Key)) batch.Add(_waiting[i]);
            }
            if (batch.Count == _waiting.Count) _waiting.Clear();
            else foreach (var taken in batch) _waiting.Remove(taken);
            if (batch.Count == 0) _flushing = false;
            return batch;
        }
    }

    private async Task SendAsync(List<GrainStateWrite> batch)
    {
        try
        {
            var versions = await RunAsync(batch);
            Interlocked.Increment(ref _roundTrips);
            Interlocked.Add(ref _writes, batch.Count);
            for (var i = 0; i < batch.Count; i++) batch[i].Complete(versions[i]);
        }
        catch (PostgresException) when (batch.Count > 1)
        {
            // Nothing of the batch was committed; find the write the database refuses.
            foreach (var write in batch) await SendAsync([write]);
        }
        catch (Exception error)
        {
            foreach (var write in batch) write.Fail(error);
        }
    }

    private async Task<int?[]> RunAsync(List<GrainStateWrite> batch)
    {
        var versions = new int?[batch.Count];
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = connection.CreateBatch();
        foreach (var write in batch) command.BatchCommands.Add(write.ToCommand());
        return await AutoPreparedBatch.RunAsync(dataSource, async () =>
        {
            // Without error barriers a batch is one implicit transaction, committed after its last statement.
            await using var reader = await command.ExecuteReaderAsync();
            for (var i = 0; i < batch.Count; i++)
            {
                if (i > 0 && !await reader.NextResultAsync()) throw new InvalidOperationException("a grain-state write returned no result");
                versions[i] = await reader.ReadAsync() && !await reader.IsDBNullAsync(0) ? reader.GetInt32(0) : null;
            }
            while (await reader.NextResultAsync()) { }
            return versions;
        });
    }
}

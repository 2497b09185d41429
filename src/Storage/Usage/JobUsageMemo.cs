using System.Collections.Concurrent;

namespace Cockpit.Storage.Usage;

/// <summary>
/// This silo's short memory of jobs' usage (ADR 27): a job's usage read once is served again for
/// <see cref="Lifetime"/>, so the many subscribers re-reading one job for one live event, and pages that overlap,
/// cost one query between them. Jobs asked together that are not remembered are read in one query
/// (<see cref="UsageQueries.JobsAsync"/>), and a job being read is not read a second time meanwhile.
/// </summary>
/// <remarks>
/// Never stale after an ingestion on this silo: <see cref="UsageLedger"/> forgets the jobs it counted calls for once
/// they are committed, and a read that began before that is not kept for later askers. Another silo's ingestion is
/// forgotten when its usage notice arrives over the live hub (<see cref="JobUsageMemoInvalidation"/>), and at the
/// latest after <see cref="Lifetime"/> if that notice is lost.
/// </remarks>
public sealed class JobUsageMemo(UsageQueries queries, TimeProvider clock)
{
    /// <summary>How long a read is served again: the bound on staleness when another silo's notice is lost.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private long _nextSweep = clock.GetTimestamp();

    /// <summary>How many jobs are remembered now (read or being read).</summary>
    public int Count => _entries.Count;

    /// <summary>The usage of each of <paramref name="jobIds"/>: remembered, or read now with one query for all that are not.</summary>
    public async Task<IReadOnlyDictionary<Guid, JobUsage>> GetAsync(IReadOnlyCollection<Guid> jobIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobIds);
        var now = clock.GetTimestamp();
        SweepIfDue(now);
        var waits = new Dictionary<Guid, Task<JobUsage>>();
        var mine = new List<(Guid Id, Entry Entry)>();
        foreach (var id in jobIds)
        {
            if (waits.ContainsKey(id)) continue;
            while (true)
            {
                if (_entries.TryGetValue(id, out var known))
                {
                    if (!IsExpired(known, now))
                    {
                        waits[id] = known.Usage.Task;
                        break;
                    }
                    var renewed = new Entry(now);
                    if (!_entries.TryUpdate(id, renewed, known)) continue;
                    mine.Add((id, renewed));
                    waits[id] = renewed.Usage.Task;
                    break;
                }
                var added = new Entry(now);
                if (!_entries.TryAdd(id, added)) continue;
                mine.Add((id, added));
                waits[id] = added.Usage.Task;
                break;
            }
        }
        if (mine.Count > 0) await ReadAsync(mine);
        var result = new Dictionary<Guid, JobUsage>(waits.Count);
        foreach (var (id, usage) in waits) result[id] = await usage.WaitAsync(cancellationToken);
        return result;
    }

    /// <summary>Forgets <paramref name="jobIds"/>: the next ask reads them again.</summary>
    public void Forget(IEnumerable<Guid> jobIds)
    {
        ArgumentNullException.ThrowIfNull(jobIds);
        foreach (var id in jobIds) _entries.TryRemove(id, out _);
    }

    // Not cancelled with the asker: others may be waiting for the same read.
    private async Task ReadAsync(List<(Guid Id, Entry Entry)> mine)
    {
        try
        {
            var read = await queries.JobsAsync(mine.Select(m => m.Id).ToList(), CancellationToken.None);
            foreach (var (id, entry) in mine) entry.Usage.TrySetResult(read[id]);
        }
        catch (Exception e)
        {
            foreach (var (id, entry) in mine)
            {
                // A failure is not remembered: the next ask tries again.
                _entries.TryRemove(new KeyValuePair<Guid, Entry>(id, entry));
                entry.Usage.TrySetException(e);
            }
        }
    }

    private bool IsExpired(Entry entry, long now) => clock.GetElapsedTime(entry.ReadAt, now) >= Lifetime;

    // At most once per lifetime, so the memo holds no more than the jobs asked for within about two lifetimes.
    private void SweepIfDue(long now)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + (long)(Lifetime.TotalSeconds * clock.TimestampFrequency), due) != due) return;
        foreach (var pair in _entries)
        {
            if (IsExpired(pair.Value, now)) _entries.TryRemove(pair);
        }
    }

    /// <summary>One read of a job's usage, started at <see cref="ReadAt"/> (its figures are at least that recent).</summary>
    private sealed class Entry(long readAt)
    {
        public long ReadAt { get; } = readAt;

        public TaskCompletionSource<JobUsage> Usage { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

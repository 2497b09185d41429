namespace Cockpit.Grains.Dispatch;

/// <summary>
/// The pending jobs, kept sorted as they come and go so that <see cref="DispatchOrder"/> can be read from the front
/// without sorting the whole queue at every plan. A plan runs at nearly every event (an agent ready, a job queued or
/// ended) and usually takes only the first few jobs; with a backlog of tens of thousands, sorting it all each time
/// cost milliseconds per plan on the dispatcher's single activation. Pure.
/// </summary>
/// <remarks>
/// Per priority, per round-robin key (<see cref="QueuedJob.TurnKey"/>), the key's jobs oldest first. Reading walks the
/// priorities from the highest, and within one the keys' turns in round-robin order — the order
/// <see cref="DispatchOrder.Order"/> defines, which stays the specification (a property test holds the two equal).
/// </remarks>
public sealed class DispatchQueue
{
    private static readonly Comparer<QueuedJob> OldestFirst = Comparer<QueuedJob>.Create((a, b) =>
    {
        var byTime = a.QueuedAt.CompareTo(b.QueuedAt);
        return byTime != 0 ? byTime : a.Id.CompareTo(b.Id);
    });

    private readonly Dictionary<Guid, QueuedJob> _byId = [];
    private readonly SortedDictionary<int, Dictionary<string, SortedSet<QueuedJob>>> _levels =
        new(Comparer<int>.Create((a, b) => b.CompareTo(a)));

    public int Count => _byId.Count;

    public IReadOnlyCollection<QueuedJob> Jobs => _byId.Values;

    public bool Contains(Guid jobId) => _byId.ContainsKey(jobId);

    public bool TryGet(Guid jobId, out QueuedJob job) => _byId.TryGetValue(jobId, out job!);

    /// <summary>Adds the job, or replaces what was queued under its id (a new priority, a retry's backoff).</summary>
    public void Set(QueuedJob job)
    {
        Remove(job.Id);
        _byId[job.Id] = job;
        if (!_levels.TryGetValue(job.Priority, out var turns)) _levels[job.Priority] = turns = new(StringComparer.Ordinal);
        if (!turns.TryGetValue(job.TurnKey, out var jobs)) turns[job.TurnKey] = jobs = new(OldestFirst);
        jobs.Add(job);
    }

    public bool Remove(Guid jobId)
    {
        if (!_byId.Remove(jobId, out var job)) return false;
        var turns = _levels[job.Priority];
        var jobs = turns[job.TurnKey];
        jobs.Remove(job);
        if (jobs.Count > 0) return true;
        turns.Remove(job.TurnKey);
        if (turns.Count == 0) _levels.Remove(job.Priority);
        return true;
    }

    public void Clear()
    {
        _byId.Clear();
        _levels.Clear();
    }

    /// <summary>
    /// The pending jobs in dispatch order, read lazily: stop early and the rest is never looked at. The queue must not
    /// change while this is read.
    /// </summary>
    /// <param name="lastServed">As for <see cref="DispatchOrder.Order"/>.</param>
    /// <param name="skipTurn">Asked before each job with its turn key: true drops the rest of that key's jobs from this
    /// reading (a key at its concurrency limit, whose jobs a plan would pass over one by one).</param>
    public IEnumerable<QueuedJob> InOrder(IReadOnlyDictionary<string, long> lastServed, Func<string, bool>? skipTurn = null)
    {
        foreach (var turns in _levels.Values)
        {
            var cursors = turns
                .OrderBy(t => lastServed.GetValueOrDefault(t.Key))
                .ThenBy(t => t.Value.Min!.QueuedAt)
                .ThenBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => (Key: t.Key, Jobs: ((IEnumerable<QueuedJob>)t.Value).GetEnumerator()))
                .ToList();
            // Round r yields each remaining key's r-th oldest job, the keys in their turn order.
            while (cursors.Count > 0)
            {
                for (var i = 0; i < cursors.Count;)
                {
                    var (key, jobs) = cursors[i];
                    if ((skipTurn?.Invoke(key) ?? false) || !jobs.MoveNext())
                    {
                        cursors.RemoveAt(i);
                        continue;
                    }
                    yield return jobs.Current;
                    i++;
                }
            }
        }
    }
}

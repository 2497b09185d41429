namespace Cockpit.Grains.Dispatch;

/// <summary>
/// Matches pending jobs to idle agents in <see cref="DispatchOrder"/>. A job that cannot go now (its key is at its
/// limit, its backoff has not ended, no idle agent matches it) is skipped, never waited on: the jobs behind it still
/// go (no head-of-line blocking). Greedy: after a plan, no job that could start is left beside an idle agent it
/// matches. Pure.
/// </summary>
public static class DispatchPlanner
{
    /// <param name="orderedJobs">Pending jobs in dispatch order.</param>
    /// <param name="idleAgents">Any order; the longest idle is offered work first.</param>
    /// <param name="running">Jobs started and not ended, per concurrency key.</param>
    /// <param name="limits">Concurrency limits per key; a key without one has no limit.</param>
    public static IReadOnlyList<DispatchPair> Plan(IReadOnlyList<QueuedJob> orderedJobs, IEnumerable<IdleAgent> idleAgents,
        IReadOnlyDictionary<string, int> running, IReadOnlyDictionary<string, int> limits, DateTimeOffset now) =>
        Plan(_ => orderedJobs, idleAgents, running, limits, now);

    /// <summary>The same, reading the queue only as far as it must: <paramref name="readInOrder"/> gets a test that says
    /// which keys are full (at their limit), whose remaining jobs it may leave out.</summary>
    public static IReadOnlyList<DispatchPair> Plan(Func<Func<string, bool>, IEnumerable<QueuedJob>> readInOrder,
        IEnumerable<IdleAgent> idleAgents, IReadOnlyDictionary<string, int> running, IReadOnlyDictionary<string, int> limits,
        DateTimeOffset now)
    {
        var free = idleAgents.OrderBy(a => a.IdleSince).ThenBy(a => a.Id).ToList();
        var pairs = new List<DispatchPair>();
        if (free.Count == 0) return pairs;
        var started = new Dictionary<string, int>(StringComparer.Ordinal);
        bool IsFull(string? key) => key is not null && limits.TryGetValue(key, out var limit)
            && running.GetValueOrDefault(key) + started.GetValueOrDefault(key) >= limit;

        // Job shapes (queue and selector) no free agent matches: free agents only leave during a plan, so the answer
        // stands, and a deep queue of jobs for agents that are all busy costs a lookup per job, not a scan of the agents.
        var unmatched = new HashSet<(string? Config, LabelDictionary Selector)>();
        foreach (var job in readInOrder(key => IsFull(key)))
        {
            if (!job.IsDue(now) || IsFull(job.ConcurrencyKey)) continue;
            if (unmatched.Contains((job.ConfigName, job.Selector))) continue;
            var agentIndex = free.FindIndex(a => DispatchMatching.Matches(job, a));
            if (agentIndex < 0)
            {
                unmatched.Add((job.ConfigName, job.Selector));
                continue;
            }
            pairs.Add(new DispatchPair(job, free[agentIndex]));
            free.RemoveAt(agentIndex);
            if (job.ConcurrencyKey is { } startedKey) started[startedKey] = started.GetValueOrDefault(startedKey) + 1;
            if (free.Count == 0) break;
        }
        return pairs;
    }
}

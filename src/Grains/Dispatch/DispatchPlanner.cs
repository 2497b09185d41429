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
        IReadOnlyDictionary<string, int> running, IReadOnlyDictionary<string, int> limits, DateTimeOffset now)
    {
        var free = idleAgents.OrderBy(a => a.IdleSince).ThenBy(a => a.Id).ToList();
        var pairs = new List<DispatchPair>();
        if (free.Count == 0) return pairs;
        var started = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var job in orderedJobs)
        {
            if (!job.IsDue(now)) continue;
            if (job.ConcurrencyKey is { } key && limits.TryGetValue(key, out var limit)
                && running.GetValueOrDefault(key) + started.GetValueOrDefault(key) >= limit) continue;
            var agentIndex = free.FindIndex(a => DispatchMatching.Matches(job, a));
            if (agentIndex < 0) continue;
            pairs.Add(new DispatchPair(job, free[agentIndex]));
            free.RemoveAt(agentIndex);
            if (job.ConcurrencyKey is { } startedKey) started[startedKey] = started.GetValueOrDefault(startedKey) + 1;
            if (free.Count == 0) break;
        }
        return pairs;
    }
}

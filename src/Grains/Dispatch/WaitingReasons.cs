namespace Cockpit.Grains.Dispatch;

/// <summary>
/// Why a pending job has not started, in words for people (<c>waiting_reason</c>). The first that applies, in the
/// order the dispatcher checks them: its backoff, no registered agent could ever take it, its key's limit, every
/// agent that could take it is busy. Pure.
/// </summary>
public static class WaitingReasons
{
    public static string Explain(QueuedJob job, DateTimeOffset now, IEnumerable<KnownAgent> registered,
        IEnumerable<IdleAgent> idle, IReadOnlyDictionary<string, int> runningPerKey, IReadOnlyDictionary<string, int> limits)
    {
        if (!job.IsDue(now)) return $"retrying: the next attempt starts at {job.NotBefore!.Value.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC";
        var matching = registered.Count(a => DispatchMatching.Matches(job.ConfigName, job.Selector, a.ConfigName, a.Labels));
        if (matching == 0) return $"no registered agent matches {Describe(job)}";
        if (job.ConcurrencyKey is { } key && limits.TryGetValue(key, out var limit) && runningPerKey.GetValueOrDefault(key) >= limit)
        {
            return $"concurrency key '{key}' is at its limit of {limit}";
        }
        if (!idle.Any(a => DispatchMatching.Matches(job, a)))
        {
            return matching == 1 ? "waiting for the one matching agent, which is busy" : $"waiting for a matching agent: all {matching} are busy";
        }
        return "next in line: a matching agent is idle";
    }

    private static string Describe(QueuedJob job)
    {
        var queue = job.ConfigName is { } config ? $"config '{config}'" : "any config";
        return job.Selector.Count == 0 ? $"({queue})" : $"({queue}, selector {job.Selector})";
    }
}

namespace Cockpit.Grains.Dispatch;

/// <summary>
/// The order in which pending jobs are offered to agents. Higher priority first. Among equal priority, the concurrency
/// keys take turns (round robin), the key served longest ago first, so that one tenant's 10,000 jobs do not starve
/// another's 10; within one key, oldest first. Pure.
/// </summary>
public static class DispatchOrder
{
    /// <param name="lastServed">For each turn key, a number that grows each time the key had a job started; keys never
    /// served are missing (they go first).</param>
    public static IReadOnlyList<QueuedJob> Order(IEnumerable<QueuedJob> jobs, IReadOnlyDictionary<string, long> lastServed)
    {
        var ordered = new List<QueuedJob>();
        foreach (var level in jobs.GroupBy(j => j.Priority).OrderByDescending(g => g.Key))
        {
            var turns = level
                .GroupBy(j => j.TurnKey, StringComparer.Ordinal)
                .Select(g => g.OrderBy(j => j.QueuedAt).ThenBy(j => j.Id).ToList())
                .OrderBy(g => lastServed.GetValueOrDefault(g[0].TurnKey))
                .ThenBy(g => g[0].QueuedAt)
                .ThenBy(g => g[0].TurnKey, StringComparer.Ordinal)
                .ToList();
            var longest = turns.Max(t => t.Count);
            for (var round = 0; round < longest; round++)
            {
                foreach (var turn in turns)
                {
                    if (round < turn.Count) ordered.Add(turn[round]);
                }
            }
        }
        return ordered;
    }
}

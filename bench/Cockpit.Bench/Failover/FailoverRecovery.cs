namespace Cockpit.Bench.Failover;

/// <summary>
/// Turns the heartbeats of a fleet around a silo kill into "how long until every agent's heartbeat succeeds again".
/// </summary>
/// <remarks>
/// An agent recovers at the end of its first successful heartbeat that was sent after its last failed one (or that
/// answered after the kill, when none failed): a heartbeat that hangs and then succeeds counts as late, not as lost. The fleet
/// recovers when its last agent does. An agent with no success after its last failure has not recovered at all.
/// </remarks>
public static class FailoverRecovery
{
    public sealed record Outcome(double? FullRecoveryMs, int AgentsAffected, int AgentsUnrecovered, int FailedHeartbeats);

    public static Outcome Compute(IEnumerable<HeartbeatAttempt> attempts, int agentCount, double killMs)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        var byAgent = attempts.Where(a => a.EndMs >= killMs).GroupBy(a => a.Agent).ToDictionary(g => g.Key, g => g.OrderBy(a => a.StartMs).ToList());
        double latest = killMs;
        int affected = 0, unrecovered = 0, failed = 0;
        for (var agent = 0; agent < agentCount; agent++)
        {
            if (!byAgent.TryGetValue(agent, out var list))
            {
                unrecovered++;
                continue;
            }

            var failures = list.Where(a => !a.Succeeded).ToList();
            failed += failures.Count;
            if (failures.Count > 0) affected++;
            // Without a failure, any success answered after the kill counts, even one sent before it.
            var since = failures.Count > 0 ? failures.Max(f => f.EndMs) : double.NegativeInfinity;
            var recovery = list.Where(a => a.Succeeded && a.StartMs >= since).Select(a => (double?)a.EndMs).Min();
            if (recovery is null)
            {
                unrecovered++;
                continue;
            }
            latest = Math.Max(latest, recovery.Value);
        }
        return new Outcome(unrecovered > 0 ? null : latest - killMs, affected, unrecovered, failed);
    }
}

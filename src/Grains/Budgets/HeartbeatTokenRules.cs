namespace Cockpit.Grains.Budgets;

/// <summary>
/// A job's tokens from the heartbeats of an agent that reports usage only there (<c>metrics.tokens_processed</c>, a
/// counter over the agent process's life, not per job): what the counter grew by while the agent worked on the job's
/// run. The first report of a run is its baseline; a counter that went down means the agent restarted and counts from 0.
/// Applied by the agent's grain, which sees its heartbeats in order.
/// </summary>
public static class HeartbeatTokenRules
{
    /// <param name="total">The run's tokens so far.</param>
    /// <param name="lastCounter">The counter at the previous report of this run; null at the run's first.</param>
    /// <returns>The job's tokens and the counter to compare the next report with.</returns>
    public static (long Total, long Counter) Next(long total, long? lastCounter, long counter)
    {
        if (lastCounter is not { } last) return (total, counter);
        return counter >= last ? (total + (counter - last), counter) : (total + counter, counter);
    }
}

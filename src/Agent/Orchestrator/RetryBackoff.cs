namespace Cockpit.Agent.Orchestrator;

/// <summary>Capped exponential backoff, with optional jitter so a fleet restarted together does not retry in lockstep.</summary>
public static class RetryBackoff
{
    /// <summary>initial · 2^attempt, at most <paramref name="max"/>, then shortened by up to <paramref name="jitter"/> (0..1) of itself.</summary>
    public static TimeSpan Delay(int attempt, TimeSpan initial, TimeSpan max, double jitter = 0, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        var ticks = initial.Ticks * Math.Pow(2, Math.Min(attempt, 30));
        var capped = TimeSpan.FromTicks((long)Math.Min(ticks, max.Ticks));
        if (jitter <= 0) return capped;
        var factor = 1 - Math.Min(jitter, 1) * (random ?? Random.Shared).NextDouble();
        return TimeSpan.FromTicks((long)(capped.Ticks * factor));
    }
}

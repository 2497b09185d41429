namespace Cockpit.Grains.Dispatch;

/// <summary>How long a failed attempt waits before the next: the first delay, doubling per attempt, capped. Pure.</summary>
public static class RetryBackoff
{
    /// <summary>No retry waits longer, however many attempts failed: a job should not vanish into the future.</summary>
    public static readonly TimeSpan Cap = TimeSpan.FromMinutes(10);

    /// <param name="firstDelay">The delay after the first failed attempt.</param>
    /// <param name="failedAttempts">Attempts failed so far, at least 1.</param>
    public static TimeSpan Delay(TimeSpan firstDelay, int failedAttempts)
    {
        if (firstDelay <= TimeSpan.Zero) return TimeSpan.Zero;
        // Doubling past the cap overflows long before 20 attempts in ticks; stop doubling once the cap is reached.
        var delay = firstDelay;
        for (var i = 1; i < failedAttempts && delay < Cap; i++) delay += delay;
        return delay < Cap ? delay : Cap;
    }
}

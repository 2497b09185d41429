namespace Cockpit.Agent.Orchestrator;

/// <summary>
/// When the next heartbeat is due: at once for an unreported status change, after the progress gap when only
/// progress moved (so a busy job does not flood the orchestrator), else after the regular interval.
/// </summary>
public static class HeartbeatSchedule
{
    public static DateTimeOffset NextDue(
        DateTimeOffset lastSent,
        TimeSpan interval,
        TimeSpan progressInterval,
        bool statusChanged,
        bool progressChanged)
    {
        if (statusChanged) return DateTimeOffset.MinValue;
        var regular = lastSent + interval;
        if (!progressChanged) return regular;
        var soon = lastSent + progressInterval;
        return soon < regular ? soon : regular;
    }
}

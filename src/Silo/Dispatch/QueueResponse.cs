using Cockpit.Storage.Dispatch;

namespace Cockpit.Silo.Dispatch;

/// <summary>One queue as <c>GET /api/queues</c> shows it: a config name, or "any" for jobs without one.</summary>
/// <param name="OldestPendingSeconds">How long the oldest pending job has waited; null when none is pending.</param>
/// <param name="IdleAgents">Ready agents without a job that may take the queue's jobs.</param>
/// <param name="WaitP50Seconds">Median wait (queued → started) over the jobs started in the last 15 minutes.</param>
public sealed record QueueResponse(string Name, long Pending, double? OldestPendingSeconds, long IdleAgents, long Running,
    double? WaitP50Seconds, double? WaitP95Seconds, long StartedLast15Minutes)
{
    public static QueueResponse From(QueueFigures q) => new(q.Name, q.Pending, Round(q.OldestPendingSeconds), q.IdleAgents, q.Running,
        Round(q.WaitP50Seconds), Round(q.WaitP95Seconds), q.StartedRecently);

    private static double? Round(double? seconds) => seconds is { } s ? Math.Round(s, 3) : null;
}

namespace Cockpit.Storage.Dispatch;

/// <summary>One queue's figures (see <see cref="QueueStatistics"/>).</summary>
/// <param name="Name">The config name, or <see cref="QueueStatistics.AnyQueue"/>.</param>
/// <param name="OldestPendingSeconds">How long the oldest pending job has waited; null when none is pending.</param>
/// <param name="IdleAgents">Ready agents without a job that may take this queue's jobs (for "any": every idle agent).</param>
/// <param name="WaitP50Seconds">Median wait (queued → started) of the jobs started in the last 15 minutes.</param>
/// <param name="StartedRecently">How many jobs the wait figures are taken over.</param>
public sealed record QueueFigures(
    string Name,
    long Pending,
    double? OldestPendingSeconds,
    long IdleAgents,
    long Running,
    double? WaitP50Seconds,
    double? WaitP95Seconds,
    long StartedRecently);

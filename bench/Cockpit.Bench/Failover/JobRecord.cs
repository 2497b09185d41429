namespace Cockpit.Bench.Failover;

/// <summary>
/// What is known of one job at the end of the failover scenario: how many times its /job/start reached a pod, and the
/// status the cluster reports for it (null when the job is gone).
/// </summary>
public sealed record JobRecord(Guid JobId, int PodStarts, string? FinalStatus);

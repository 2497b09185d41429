namespace Cockpit.Bench.Failover;

/// <summary>
/// Counts lost and duplicated jobs. Every job was created, dispatched and then completed by its agent, so each must
/// end <c>completed</c> after exactly one /job/start on exactly one pod.
/// </summary>
public static class JobLedger
{
    public sealed record Audit(int Jobs, IReadOnlyList<Guid> Lost, IReadOnlyList<Guid> Duplicated);

    /// <remarks>
    /// Lost: the job is gone, never reached a pod, or did not end completed. Duplicated: its start reached a pod
    /// more than once.
    /// </remarks>
    public static Audit Check(IReadOnlyCollection<JobRecord> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var lost = jobs.Where(j => j.FinalStatus != "completed" || j.PodStarts == 0).Select(j => j.JobId).ToList();
        var duplicated = jobs.Where(j => j.PodStarts > 1).Select(j => j.JobId).ToList();
        return new Audit(jobs.Count, lost, duplicated);
    }
}

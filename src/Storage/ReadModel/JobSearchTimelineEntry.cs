namespace Cockpit.Storage.ReadModel;

/// <summary>One row of <c>job_timeline</c>: a change of the job's status, with when and why.</summary>
/// <param name="Version">The job grain's version the change produced.</param>
/// <param name="FromStatus">Wire name of the status before; null for the creation.</param>
/// <param name="ToStatus">Wire name of the status after.</param>
public sealed record JobSearchTimelineEntry(long Version, DateTimeOffset At, string? FromStatus, string ToStatus, string Cause);

using Cockpit.Grains;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Jobs.Progress;
using Cockpit.Storage.Telemetry.Requirements;

namespace Cockpit.Silo.Statistics;

/// <summary>
/// <c>GET /api/jobs/{id}/progress</c>: the seed's JobProgress model (job_id, total_requirements,
/// processed_requirements, progress_percent, eta_seconds, requirements_by_status) plus status, rate, message and
/// the time of the last report. Counts are 0 while unknown.
/// </summary>
public sealed record JobProgressSummaryResponse
{
    public required Guid JobId { get; init; }
    public required string Status { get; init; }
    public required int TotalRequirements { get; init; }
    public required int ProcessedRequirements { get; init; }
    public required double ProgressPercent { get; init; }
    public long? EtaSeconds { get; init; }
    /// <summary>Requirements per minute over the recent window; null when the job is not running or has too few reports.</summary>
    public double? RatePerMinute { get; init; }
    public required IReadOnlyDictionary<string, long> RequirementsByStatus { get; init; }
    public string? Message { get; init; }
    public DateTimeOffset? LastProgressAt { get; init; }

    /// <param name="requirements">The job's requirement counts, when a requirement store is configured.</param>
    public static JobProgressSummaryResponse From(JobSnapshot job, DateTimeOffset now, RequirementSummary? requirements)
    {
        var estimate = job.EstimateProgress(now);
        // The agent's own counts come first; the requirement rows stand in when the agent reported none.
        var total = estimate.Total ?? (requirements is { Total: > 0 } r ? (int)Math.Min(r.Total, int.MaxValue) : 0);
        var processed = estimate.Processed ?? (requirements is { Total: > 0 } p ? (int)Math.Min(p.Processed, int.MaxValue) : 0);
        var percent = estimate.Total is null && total > 0 && job.Status != JobStatus.Completed
            ? ProgressEstimate.PercentOf(processed, total)
            : estimate.Percent;
        return new JobProgressSummaryResponse
        {
            JobId = job.Id,
            Status = job.Status.ToWire(),
            TotalRequirements = total,
            ProcessedRequirements = processed,
            ProgressPercent = percent,
            EtaSeconds = estimate.EtaSeconds,
            RatePerMinute = estimate.RatePerMinute is { } rate ? Math.Round(rate, 2) : null,
            RequirementsByStatus = requirements?.ByStatus ?? new Dictionary<string, long>(),
            Message = job.Progress?.Message,
            LastProgressAt = job.Progress?.ReportedAt,
        };
    }
}

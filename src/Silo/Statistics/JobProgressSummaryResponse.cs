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
        return new JobProgressSummaryResponse
        {
            JobId = job.Id,
            Status = job.Status.ToWire(),
            TotalRequirements = JobProgressRules.Total(estimate, requirements) ?? 0,
            ProcessedRequirements = JobProgressRules.Processed(estimate, requirements) ?? 0,
            ProgressPercent = JobProgressRules.Percent(job.Status, estimate, requirements),
            EtaSeconds = estimate.EtaSeconds,
            RatePerMinute = estimate.RatePerMinute is { } rate ? Math.Round(rate, 2) : null,
            RequirementsByStatus = requirements?.ByStatus ?? new Dictionary<string, long>(),
            Message = job.Progress?.Message,
            LastProgressAt = job.Progress?.ReportedAt,
        };
    }
}

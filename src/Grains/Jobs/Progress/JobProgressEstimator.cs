namespace Cockpit.Grains.Jobs.Progress;

/// <summary>A job's <see cref="ProgressEstimate"/>, given its status: only a running job has a pace.</summary>
public static class JobProgressEstimator
{
    /// <param name="samples">The job's recent samples; when there are none the last report counts as one.</param>
    /// <param name="lastReport">The last progress the job's agent reported, if any.</param>
    public static ProgressEstimate Estimate(JobStatus status, IReadOnlyList<ProgressSample>? samples, JobProgress? lastReport, DateTimeOffset now)
    {
        if (samples is not { Count: > 0 })
        {
            samples = lastReport is { ProcessedRequirements: { } processed }
                ? [new ProgressSample(lastReport.ReportedAt, processed, lastReport.TotalRequirements)]
                : [];
        }

        var estimate = ProgressEstimate.Compute(samples, now);
        if (estimate.Total is null && lastReport?.TotalRequirements is { } total)
        {
            // The agent may name the total before it reports a processed count.
            estimate = estimate with { Total = total, Processed = estimate.Processed ?? 0, Percent = ProgressEstimate.PercentOf(estimate.Processed ?? 0, total) };
        }

        return status switch
        {
            JobStatus.Processing => estimate,
            // Done is done, whatever the last report said: heartbeats are sampled, so the final count may not have arrived.
            JobStatus.Completed => estimate with { Percent = 100, RatePerMinute = null, EtaSeconds = 0 },
            _ => estimate with { RatePerMinute = null, EtaSeconds = null },
        };
    }
}

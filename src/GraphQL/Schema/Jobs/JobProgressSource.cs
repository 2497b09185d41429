using Cockpit.Commands.Jobs;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Jobs.Progress;
using Cockpit.Storage.Telemetry.Requirements;

namespace Cockpit.GraphQL.Schema.Jobs;

/// <summary>
/// The source of one <c>JobProgress</c>: the job, the time of the request, and what is loaded only when a selected
/// field needs it — the job's requirement counts (one query), and for a read-model job the grain's progress samples
/// (one grain call, for the ETA).
/// </summary>
public sealed class JobProgressSource
{
    private readonly Lazy<Task<RequirementSummary?>> _requirements;
    private readonly Lazy<Task<ProgressEstimate>> _liveEstimate;

    /// <param name="loadRequirements">The requirement store's summary, or null when no store is configured.</param>
    /// <param name="loadLive">The job as its grain holds it now (null when it is gone).</param>
    public JobProgressSource(JobView job, DateTimeOffset now, Func<Task<RequirementSummary?>> loadRequirements, Func<Task<JobView?>> loadLive)
    {
        ArgumentNullException.ThrowIfNull(job);
        Job = job;
        Status = job.Status ?? throw new ArgumentException("GraphQL shows only jobs whose status this build knows", nameof(job));
        Estimate = JobProgressEstimator.Estimate(Status, job.ProgressSamples, job.Progress, now);
        _requirements = new(loadRequirements);
        _liveEstimate = new(async () =>
        {
            if (job.ProgressSamples is not null) return Estimate;
            var live = await loadLive();
            return live is null ? Estimate : JobProgressEstimator.Estimate(live.Status ?? Status, live.ProgressSamples, live.Progress, now);
        });
    }

    public JobView Job { get; }

    /// <summary>The estimate from what the job source holds (without a rate when it came from the read model).</summary>
    public ProgressEstimate Estimate { get; }

    public Task<RequirementSummary?> RequirementsAsync() => _requirements.Value;

    /// <summary>The estimate from the grain's samples, which carries the rate and ETA.</summary>
    public Task<ProgressEstimate> LiveEstimateAsync() => _liveEstimate.Value;

    /// <summary>The requirement counts, only when the agent's own counts leave a gap.</summary>
    public async Task<RequirementSummary?> RequirementsIfNeededAsync() =>
        JobProgressRules.NeedsRequirements(Estimate) ? await RequirementsAsync() : null;

    public JobStatus Status { get; }
}

using Cockpit.Grains.Jobs;
using Cockpit.Storage.Telemetry.Requirements;

namespace Cockpit.Silo.Statistics;

/// <summary>
/// A job's progress with ETA (<c>GET /api/jobs/{id}/progress</c>, MCP's <c>get_job</c>): the job grain's recent
/// progress samples, with the requirement counts of the requirement store when one is registered.
/// </summary>
public sealed class JobProgressReader(IServiceProvider services, TimeProvider clock)
{
    // Optional: the requirement store belongs to the telemetry feature, which a deployment may leave out.
    private readonly IRequirementStore? _requirements = services.GetService<IRequirementStore>();

    public async Task<JobProgressSummaryResponse> ForAsync(JobSnapshot job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var requirements = _requirements is null ? null : await _requirements.SummaryAsync(job.Id, cancellationToken);
        return JobProgressSummaryResponse.From(job, clock.GetUtcNow(), requirements);
    }
}

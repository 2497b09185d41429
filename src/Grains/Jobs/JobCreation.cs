using Cockpit.Grains.Dispatch;
using Microsoft.Extensions.Logging;

namespace Cockpit.Grains.Jobs;

/// <summary>
/// Creating a job, answered once the read model holds it (ADR 0018), with the wait outside the job grain's turn (ADR 0020):
/// the dispatcher's start of a queued job runs while its creation waits for the read model.
/// </summary>
public static class JobCreation
{
    /// <summary>
    /// <see cref="IJobGrain.CreateAsync"/>, then <see cref="IJobGrain.WhenInReadModelAsync"/>. Should the wait fail (the
    /// job's silo died meanwhile), it is asked once more: the job's new activation publishes its record again, so a job
    /// acknowledged here is in the read model whatever silo was lost.
    /// </summary>
    public static async Task<CommandResult<JobSnapshot>> CreateAsync(IGrainFactory grains, JobSpec spec, DispatchSpec? dispatch,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(spec);
        var job = grains.GetGrain<IJobGrain>(spec.JobId);
        var created = await job.CreateAsync(spec, dispatch);
        if (created.Value is not { } snapshot || !created.IsOk) return created;
        try
        {
            await job.WhenInReadModelAsync(snapshot.Version);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Job {JobId}: waiting for the read model to hold its creation failed; asking again", spec.JobId);
            await job.WhenInReadModelAsync(snapshot.Version);
        }
        return created;
    }
}

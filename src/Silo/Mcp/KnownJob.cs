using Cockpit.Grains.Jobs;
using ModelContextProtocol.Protocol;

namespace Cockpit.Silo.Mcp;

/// <summary>
/// The job a tool asks about, from its grain (the source of truth, as REST's single-job endpoints read it): a
/// malformed id or an unknown job is a tool error, like REST's 400 and 404.
/// </summary>
public readonly record struct KnownJob(JobSnapshot? Job, CallToolResult? Error)
{
    public static async Task<KnownJob> FindAsync(IGrainFactory grains, string? jobId, string field = "job_id")
    {
        ArgumentNullException.ThrowIfNull(grains);
        var errors = new Dictionary<string, string[]>();
        var id = ToolArguments.Id(jobId, field, errors);
        if (errors.Count > 0) return new KnownJob(null, ToolResults.Invalid(errors));
        var job = await grains.GetGrain<IJobGrain>(id).GetAsync();
        return job is null ? new KnownJob(null, ToolResults.Error($"job {id} not found")) : new KnownJob(job, null);
    }
}

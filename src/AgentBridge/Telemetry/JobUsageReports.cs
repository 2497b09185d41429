using Cockpit.Grains.Budgets;
using Cockpit.Grains.Jobs;
using Cockpit.Storage.Usage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.AgentBridge.Telemetry;

/// <summary>
/// Tells each job whose LLM calls a telemetry batch counted what it has used now, so that its grain enforces the
/// budget and spots runaway loops right after the call that crossed the line (the cost is fixed at ingestion).
/// </summary>
public sealed class JobUsageReports(IGrainFactory grains, IOptions<BudgetOptions> options, ILogger<JobUsageReports> logger)
{
    public async Task SendAsync(Guid agentId, UsageRecorded recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var policy = options.Value.LoopPolicy;
        foreach (var job in recorded.Jobs)
        {
            var hashes = recorded.NewCalls.Where(c => c.JobId == job.JobId).OrderBy(c => c.At).Select(c => c.RequestHash).ToArray();
            // Every call unpriced: the cost is unknown, not $0 (UsageFigures' rule), and a cost limit cannot judge it.
            decimal? cost = job.Calls > 0 && job.UnpricedCalls == job.Calls ? null : job.CostUsd;
            try
            {
                await grains.GetGrain<IJobGrain>(job.JobId).OnUsageAsync(new JobUsageReport(job.Calls, job.Tokens, cost, hashes, policy, agentId));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The batch is stored and the agent must not resend it for this; the job's next batch carries the totals again.
                logger.LogWarning(e, "Job {JobId}: could not check its budget after {Calls} new LLM calls", job.JobId, hashes.Length);
            }
        }
    }
}

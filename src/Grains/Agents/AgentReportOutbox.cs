using Cockpit.Grains.Jobs;
using Cockpit.Grains.Lifecycle;
using Microsoft.Extensions.Logging;

namespace Cockpit.Grains.Agents;

/// <summary>
/// What an agent owes its jobs: the outcomes (completed, failed, lost…) its lifecycle decided, kept in the agent's
/// stored state until the job acknowledges them, so an outcome acknowledged to the pod is never lost with a silo.
/// Reports go again with every heartbeat and silence check until acknowledged; one already on its way is not sent twice.
/// </summary>
/// <remarks>
/// Created by the agent grain and used only on its scheduler: deliveries are started within a turn and their
/// continuations run between turns, so the list is never touched by two threads.
/// </remarks>
internal sealed class AgentReportOutbox(Guid agentId, Func<List<PendingJobReport>> owed, IGrainFactory grains, ILogger logger)
{
    // Reports on their way to a job right now, so that a retry does not send one twice at once.
    private readonly HashSet<PendingJobReport> _inFlight = [];

    public bool IsEmpty => owed().Count == 0;

    /// <summary>
    /// Turns job effects into reports and adds them to what is owed. Call it before the state write that goes with the
    /// decision, so the write keeps them; send them (<see cref="Send"/>) after it.
    /// </summary>
    public List<PendingJobReport> Owe(IReadOnlyList<JobEffect> effects, HeartbeatInfo? heartbeat)
    {
        var reports = new List<PendingJobReport>(effects.Count);
        foreach (var effect in effects)
        {
            var report = effect.Kind switch
            {
                JobEffectKind.Failed => new AgentJobReport(agentId, effect.Kind, heartbeat?.ErrorMessage ?? "the agent reported a failure",
                    heartbeat?.ErrorDetailsJson, heartbeat?.Progress),
                JobEffectKind.Lost => new AgentJobReport(agentId, effect.Kind, effect.Reason, null),
                _ => new AgentJobReport(agentId, effect.Kind, null, null, heartbeat?.Progress),
            };
            reports.Add(new PendingJobReport(effect.JobId, report));
        }
        owed().AddRange(reports);
        return reports;
    }

    /// <summary>The job pushed a new run, so it has settled the last one: what is still owed for it is stale.</summary>
    public void ForgetJob(Guid jobId) => owed().RemoveAll(r => r.JobId == jobId);

    public void SendAll() => Send([.. owed()]);

    public void Send(IEnumerable<PendingJobReport> reports)
    {
        foreach (var report in reports)
        {
            if (_inFlight.Add(report)) _ = DeliverAsync(report);
        }
    }

    /// <summary>
    /// Sends one report and forgets it once acknowledged; a failure leaves it for the next heartbeat or silence check.
    /// Never awaited within a turn of the agent: the job may be waiting on this agent right now (cancel), and the agent
    /// must stay free to answer.
    /// </summary>
    private async Task DeliverAsync(PendingJobReport pending)
    {
        try
        {
            await grains.GetGrain<IJobGrain>(pending.JobId).OnAgentReportAsync(pending.Report);
            owed().Remove(pending);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Agent {AgentId} could not tell job {JobId} it {Outcome}; retrying", agentId, pending.JobId, pending.Report.Kind);
        }
        finally
        {
            _inFlight.Remove(pending);
        }
    }
}

using Cockpit.Grains.Agents;

namespace Cockpit.Grains.Lifecycle;

/// <summary>
/// The agent state machine, as pure functions over a table. The seed draws:
/// booting → ready → working → completed → ready; working → ready (cancelled); any → failed;
/// any → offline (no heartbeat for the grace). We add, deliberately:
/// <list type="bullet">
/// <item>offline → whatever a heartbeat reports (the agent is back);</item>
/// <item>failed → ready or booting when the agent says it recovered;</item>
/// <item>any → booting when the agent registers again (it restarted);</item>
/// <item>any other status an agent reports is adopted, flagged <see cref="TransitionKind.Adopted"/>: the
/// agent is the authority on what it does, and refusing its word would leave the cockpit showing a fiction.</item>
/// </list>
/// Only the orchestrator's own trigger, <see cref="AgentTrigger.JobAccepted"/>, can be refused: a job is pushed
/// to a <c>ready</c> agent only.
/// </summary>
public static class AgentLifecycle
{
    private static readonly Dictionary<(AgentStatus From, AgentStatus To), TransitionKind> SeedGraph = BuildSeedGraph();

    /// <summary>Where a trigger takes an agent, ignoring jobs.</summary>
    public static (AgentStatus To, TransitionKind Kind) Next(AgentStatus from, AgentTrigger trigger)
    {
        var to = trigger switch
        {
            AgentTrigger.Registered => AgentStatus.Booting,
            AgentTrigger.HeartbeatBooting => AgentStatus.Booting,
            AgentTrigger.HeartbeatReady => AgentStatus.Ready,
            AgentTrigger.HeartbeatWorking => AgentStatus.Working,
            AgentTrigger.HeartbeatCompleted => AgentStatus.Completed,
            AgentTrigger.HeartbeatFailed => AgentStatus.Failed,
            AgentTrigger.SilenceTimeout => AgentStatus.Offline,
            AgentTrigger.JobAccepted => AgentStatus.Working,
            _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "unknown agent trigger"),
        };

        if (trigger == AgentTrigger.JobAccepted && from != AgentStatus.Ready)
        {
            return (from, TransitionKind.Refused);
        }
        if (from == to)
        {
            return (from, TransitionKind.Unchanged);
        }
        if (trigger == AgentTrigger.Registered || SeedGraph.ContainsKey((from, to)))
        {
            return (to, TransitionKind.Expected);
        }
        return (to, TransitionKind.Adopted);
    }

    /// <summary>
    /// The full decision for one trigger: next status, the current job, and what the jobs must hear.
    /// </summary>
    /// <param name="jobId">The job the trigger names: the heartbeat's <c>current_job_id</c> or the accepted job.</param>
    public static AgentDecision Decide(AgentFacts before, AgentTrigger trigger, Guid? jobId = null)
    {
        if (IsStaleIdleHeartbeat(before, trigger, jobId))
        {
            return new AgentDecision(before.Status, before.CurrentJobId, TransitionKind.Unchanged, []);
        }

        var (to, kind) = Next(before.Status, trigger);
        if (kind == TransitionKind.Refused)
        {
            return new AgentDecision(before.Status, before.CurrentJobId, kind, [],
                $"agent is {before.Status.ToWire()}, not ready");
        }

        var currentJob = to switch
        {
            // A heartbeat may leave current_job_id out (the seed marks it optional): keep the job we know of.
            AgentStatus.Working or AgentStatus.Completed or AgentStatus.Failed => jobId ?? before.CurrentJobId,
            _ => null,
        };

        var effects = new List<JobEffect>(1);
        var outcomeReported = false;
        if (currentJob is { } job && (to != before.Status || currentJob != before.CurrentJobId))
        {
            if (to == AgentStatus.Completed)
            {
                effects.Add(new JobEffect(job, JobEffectKind.Completed));
                outcomeReported = true;
            }
            else if (to == AgentStatus.Failed)
            {
                effects.Add(new JobEffect(job, JobEffectKind.Failed));
                outcomeReported = true;
            }
        }

        // A job the agent was working on and is no longer working on, without an outcome, is lost.
        if (before.Status == AgentStatus.Working && before.CurrentJobId is { } previous
            && !(outcomeReported && currentJob == previous)
            && !(to == AgentStatus.Working && currentJob == previous))
        {
            effects.Add(new JobEffect(previous, JobEffectKind.Lost, LostReason(trigger, to, currentJob)));
        }

        return new AgentDecision(to, currentJob, kind, effects);
    }

    /// <summary>
    /// "ready" or "booting" without a job, from an agent we just gave a job it has not confirmed yet: the heartbeat
    /// was on its way before the job started (HTTP requests can overtake each other).
    /// </summary>
    public static bool IsStaleIdleHeartbeat(AgentFacts before, AgentTrigger trigger, Guid? jobId) =>
        before is { Status: AgentStatus.Working, JobUnconfirmed: true }
        && trigger is AgentTrigger.HeartbeatReady or AgentTrigger.HeartbeatBooting
        && jobId is null;

    private static string LostReason(AgentTrigger trigger, AgentStatus to, Guid? newJob) => trigger switch
    {
        AgentTrigger.SilenceTimeout => "agent went offline while working on the job (no heartbeat)",
        AgentTrigger.Registered => "agent registered again (restarted) while working on the job",
        _ when to == AgentStatus.Working => $"agent switched to another job ({newJob})",
        _ => $"agent reported '{to.ToWire()}' without reporting the job's outcome",
    };

    private static Dictionary<(AgentStatus, AgentStatus), TransitionKind> BuildSeedGraph()
    {
        var graph = new Dictionary<(AgentStatus, AgentStatus), TransitionKind>
        {
            [(AgentStatus.Booting, AgentStatus.Ready)] = TransitionKind.Expected,
            [(AgentStatus.Ready, AgentStatus.Working)] = TransitionKind.Expected,
            [(AgentStatus.Working, AgentStatus.Completed)] = TransitionKind.Expected,
            [(AgentStatus.Completed, AgentStatus.Ready)] = TransitionKind.Expected,
            [(AgentStatus.Working, AgentStatus.Ready)] = TransitionKind.Expected,
            [(AgentStatus.Failed, AgentStatus.Ready)] = TransitionKind.Expected,
            [(AgentStatus.Failed, AgentStatus.Booting)] = TransitionKind.Expected,
        };
        foreach (var status in Enum.GetValues<AgentStatus>())
        {
            graph[(status, AgentStatus.Failed)] = TransitionKind.Expected;
            graph[(status, AgentStatus.Offline)] = TransitionKind.Expected;
            graph[(AgentStatus.Offline, status)] = TransitionKind.Expected;
        }
        return graph;
    }

    /// <summary>The trigger a reported heartbeat status stands for; null when it is not a status an agent may report.</summary>
    public static AgentTrigger? HeartbeatTrigger(AgentStatus reported) => reported switch
    {
        AgentStatus.Booting => AgentTrigger.HeartbeatBooting,
        AgentStatus.Ready => AgentTrigger.HeartbeatReady,
        AgentStatus.Working => AgentTrigger.HeartbeatWorking,
        AgentStatus.Completed => AgentTrigger.HeartbeatCompleted,
        AgentStatus.Failed => AgentTrigger.HeartbeatFailed,
        _ => null,
    };
}

using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Lifecycle;

namespace Cockpit.Grains.Jobs;

/// <summary>
/// How a job reads its agent's report of an outcome: the lifecycle trigger it is, how the attempt ends, and the words the
/// job's timeline and attempt record. Pure and apart from the grain so that the whole mapping reads, and is tested, as
/// one table; the grain decides only whether the report still concerns its current run.
/// </summary>
public static class AgentReportRules
{
    public static JobTrigger Trigger(JobEffectKind kind) => kind switch
    {
        JobEffectKind.Completed => JobTrigger.AgentCompleted,
        JobEffectKind.Failed => JobTrigger.AgentFailed,
        _ => JobTrigger.AgentLost,
    };

    /// <summary>How the reported attempt ends; a failed or lost one may then be retried (<see cref="RetryDecision"/>).</summary>
    public static AttemptOutcome Outcome(JobEffectKind kind) => kind switch
    {
        JobEffectKind.Completed => AttemptOutcome.Completed,
        JobEffectKind.Failed => AttemptOutcome.Failed,
        _ => AttemptOutcome.Lost,
    };

    /// <summary>The cause of the job's change, as its timeline shows it.</summary>
    public static string Cause(AgentJobReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Kind switch
        {
            JobEffectKind.Completed => $"agent {report.AgentId} reported completed",
            JobEffectKind.Failed => $"agent {report.AgentId} reported failed: {report.ErrorMessage}",
            _ => report.ErrorMessage ?? "agent lost the job",
        };
    }

    /// <summary>The error the ended attempt keeps: none for a completion; the agent's, or failing that what is known.</summary>
    public static string? AttemptError(AgentJobReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Outcome(report.Kind) switch
        {
            AttemptOutcome.Completed => null,
            AttemptOutcome.Lost => report.ErrorMessage ?? "the agent lost the job",
            _ => report.ErrorMessage ?? "the agent reported a failure",
        };
    }
}

using Cockpit.Agent.Requirements;

namespace Cockpit.Agent.Telemetry;

/// <summary>
/// Where a workload reports what it does, so that a later reporter (audit trail, metrics) can hook in without
/// touching the workloads. Calls are made inline on the job's path: implementations must be quick and must not throw.
/// </summary>
/// <remarks>
/// The job-level members have empty defaults so that implementations interested only in the workload's own
/// reports (tests, <see cref="NoOpAgentTelemetry"/>) need not implement them. <see cref="ReportingJobWorkload"/>
/// calls them around every run.
/// </remarks>
public interface IAgentTelemetry
{
    void LlmCallCompleted(LlmCallRecord call);

    void ToolStep(Guid jobId, string tool, string detail);

    void RequirementFound(Guid jobId, ExtractedRequirement requirement);

    /// <summary>A run of a job begins (<paramref name="resumed"/>: from a checkpoint).</summary>
    void JobStarted(Guid jobId, string workload, bool resumed)
    {
    }

    /// <summary>A run of a job ended: <paramref name="outcome"/> is completed, stopped or failed.</summary>
    void JobEnded(Guid jobId, string outcome, string? error)
    {
    }

    /// <summary>Delivers what was reported so far, giving up after <paramref name="cancellationToken"/> fires; never throws.</summary>
    Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

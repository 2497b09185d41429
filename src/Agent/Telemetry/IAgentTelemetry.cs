using Cockpit.Agent.Requirements;

namespace Cockpit.Agent.Telemetry;

/// <summary>
/// Where a workload reports what it does, so that a later reporter (audit trail, metrics) can hook in without
/// touching the workloads. Calls are made inline on the job's path: implementations must be quick and must not throw.
/// </summary>
public interface IAgentTelemetry
{
    void LlmCallCompleted(LlmCallRecord call);

    void ToolStep(Guid jobId, string tool, string detail);

    void RequirementFound(Guid jobId, ExtractedRequirement requirement);
}

using Cockpit.Agent.Requirements;

namespace Cockpit.Agent.Telemetry;

/// <summary>The default: nothing is recorded beyond the workspace files and the logs.</summary>
public sealed class NoOpAgentTelemetry : IAgentTelemetry
{
    public void LlmCallCompleted(LlmCallRecord call) { }

    public void ToolStep(Guid jobId, string tool, string detail) { }

    public void RequirementFound(Guid jobId, ExtractedRequirement requirement) { }
}

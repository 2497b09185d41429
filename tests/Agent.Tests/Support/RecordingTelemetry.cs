using System.Collections.Concurrent;
using Cockpit.Agent.Requirements;
using Cockpit.Agent.Telemetry;

namespace Cockpit.Agent.Tests.Support;

/// <summary>Records what a workload reports through the telemetry seam.</summary>
public sealed class RecordingTelemetry : IAgentTelemetry
{
    public ConcurrentQueue<ExtractedRequirement> Requirements { get; } = new();

    public ConcurrentQueue<LlmCallRecord> LlmCalls { get; } = new();

    public ConcurrentQueue<string> ToolSteps { get; } = new();

    public void LlmCallCompleted(LlmCallRecord call) => LlmCalls.Enqueue(call);

    public void ToolStep(Guid jobId, string tool, string detail) => ToolSteps.Enqueue(tool);

    public void RequirementFound(Guid jobId, ExtractedRequirement requirement) => Requirements.Enqueue(requirement);
}

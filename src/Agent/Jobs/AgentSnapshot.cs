using System.Text.Json;
using Cockpit.Protocol;

namespace Cockpit.Agent.Jobs;

/// <summary>The agent's state at one moment, as it goes into a heartbeat or GET /status.</summary>
public sealed record AgentSnapshot(
    string Status,
    Guid? CurrentJobId,
    JobProgressReport? Progress,
    string? ErrorMessage,
    Dictionary<string, JsonElement>? ErrorDetails,
    long StatusVersion,
    long ProgressVersion)
{
    public AgentHeartbeat ToHeartbeat(AgentMetrics? metrics) => new()
    {
        Status = Status,
        CurrentJobId = CurrentJobId,
        Metrics = metrics,
        ErrorMessage = ErrorMessage,
        ErrorDetails = ErrorDetails,
        Progress = Progress,
    };
}

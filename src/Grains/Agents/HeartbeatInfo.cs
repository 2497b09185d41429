using Cockpit.Grains.Jobs;

namespace Cockpit.Grains.Agents;

/// <summary>A validated heartbeat. <paramref name="Status"/> is never <see cref="AgentStatus.Offline"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record HeartbeatInfo(
    [property: Id(0)] AgentStatus Status,
    [property: Id(1)] Guid? CurrentJobId,
    [property: Id(2)] string? MetricsJson,
    [property: Id(3)] string? ErrorMessage,
    [property: Id(4)] string? ErrorDetailsJson,
    [property: Id(5)] JobProgress? Progress);

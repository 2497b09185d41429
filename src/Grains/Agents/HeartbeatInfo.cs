using Cockpit.Grains.Jobs;

namespace Cockpit.Grains.Agents;

/// <summary>A validated heartbeat. <paramref name="Status"/> is never <see cref="AgentStatus.Offline"/>.</summary>
/// <param name="TokensProcessed">The metrics' <c>tokens_processed</c> (the agent's counter), for token budgets.</param>
[GenerateSerializer, Immutable]
public sealed record HeartbeatInfo(
    [property: Id(0)] AgentStatus Status,
    [property: Id(1)] Guid? CurrentJobId,
    [property: Id(2)] string? MetricsJson,
    [property: Id(3)] string? ErrorMessage,
    [property: Id(4)] string? ErrorDetailsJson,
    [property: Id(5)] JobProgress? Progress,
    [property: Id(40)] long? TokensProcessed = null);

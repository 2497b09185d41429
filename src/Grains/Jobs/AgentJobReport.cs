using Cockpit.Grains.Lifecycle;

namespace Cockpit.Grains.Jobs;

/// <summary>What an agent's grain tells a job's grain about the job's outcome.</summary>
/// <param name="FinalProgress">The progress the outcome's heartbeat carried: the last count belongs with the outcome.</param>
[GenerateSerializer, Immutable]
public sealed record AgentJobReport(
    [property: Id(0)] Guid AgentId,
    [property: Id(1)] JobEffectKind Kind,
    [property: Id(2)] string? ErrorMessage,
    [property: Id(3)] string? ErrorDetailsJson,
    [property: Id(4)] JobProgress? FinalProgress = null);

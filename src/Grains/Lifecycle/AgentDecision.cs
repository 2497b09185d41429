using Cockpit.Grains.Agents;

namespace Cockpit.Grains.Lifecycle;

/// <summary>The outcome of one trigger: the agent's next facts and what must be told to jobs.</summary>
public sealed record AgentDecision(
    AgentStatus Status,
    Guid? CurrentJobId,
    TransitionKind Kind,
    IReadOnlyList<JobEffect> JobEffects,
    string? RefusalReason = null)
{
    public bool Changed(AgentFacts before) => Status != before.Status || CurrentJobId != before.CurrentJobId;
}

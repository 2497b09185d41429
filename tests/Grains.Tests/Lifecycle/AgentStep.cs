using Cockpit.Grains.Lifecycle;

namespace Cockpit.Grains.Tests.Lifecycle;

/// <summary>One trigger an agent's grain feeds its lifecycle, with the job it names (heartbeat job id or accepted job).</summary>
public readonly record struct AgentStep(AgentTrigger Trigger, Guid? JobId)
{
    public override string ToString() => $"{Trigger}({LifecycleArbitraries.JobName(JobId)})";
}

namespace Cockpit.Grains.Dispatch;

/// <summary>One decision of the planner: start this job on this agent.</summary>
public sealed record DispatchPair(QueuedJob Job, IdleAgent Agent);

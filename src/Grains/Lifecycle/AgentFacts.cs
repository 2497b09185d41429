using Cockpit.Grains.Agents;

namespace Cockpit.Grains.Lifecycle;

/// <summary>The part of an agent's record that its lifecycle rules read.</summary>
/// <param name="JobUnconfirmed">
/// A job was pushed and accepted, but no heartbeat has named it yet. A heartbeat saying "ready" without a job may
/// then be one the agent sent just before it took the job, arriving late: it is stale, not a lost job.
/// </param>
public readonly record struct AgentFacts(AgentStatus Status, Guid? CurrentJobId, bool JobUnconfirmed = false);

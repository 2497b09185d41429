using Cockpit.Grains.Agents;

namespace Cockpit.Grains.Lifecycle;

/// <summary>The part of an agent's record that its lifecycle rules read.</summary>
public readonly record struct AgentFacts(AgentStatus Status, Guid? CurrentJobId);

namespace Cockpit.Storage.Statistics;

/// <summary>The agents registered with one config name.</summary>
public sealed record ConfigWorkforce(string ConfigName, AgentCounts Agents);

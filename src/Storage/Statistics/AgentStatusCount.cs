namespace Cockpit.Storage.Statistics;

/// <summary>One row of the workforce query: how many agents of a config are in a status (wire name).</summary>
public sealed record AgentStatusCount(string ConfigName, string Status, long Count);

namespace Cockpit.Storage.ReadModel;

/// <summary>One row of the <c>agents</c> table, every column as stored.</summary>
/// <param name="Status">Wire name (<c>ready</c>, <c>working</c>, …); parse with <c>StatusNames.TryParseAgentStatus</c>.</param>
/// <param name="MetadataJson">The <c>metadata</c> jsonb column as JSON text.</param>
/// <param name="LastMetricsJson">The <c>last_metrics</c> jsonb column as JSON text.</param>
/// <param name="Version">The agent grain's version of this row.</param>
/// <param name="Labels">The <c>labels</c> jsonb column: what the agent offers to jobs' selectors.</param>
public sealed record AgentRow(
    Guid Id,
    string ConfigName,
    string? Hostname,
    string? PodIp,
    int? PodPort,
    int? Pid,
    string Status,
    Guid? CurrentJobId,
    DateTimeOffset? RegisteredAt,
    DateTimeOffset? LastHeartbeat,
    string? MetadataJson,
    string? LastMetricsJson,
    long Version,
    Cockpit.Grains.Dispatch.LabelDictionary Labels);

using Cockpit.Grains;
using Cockpit.Grains.Agents;
using Cockpit.Grains.Dispatch;
using Cockpit.Storage.ReadModel;

namespace Cockpit.GraphQL.Schema.Agents;

/// <summary>The source of the <c>Agent</c> type: an agent grain's snapshot, or a row of the <c>agents</c> read model.</summary>
public sealed record AgentNode(
    Guid Id,
    string ConfigName,
    string? Hostname,
    string? PodIp,
    int PodPort,
    int? Pid,
    AgentStatus Status,
    Guid? CurrentJobId,
    DateTimeOffset RegisteredAt,
    DateTimeOffset LastHeartbeat,
    string? MetadataJson,
    string? MetricsJson,
    long Version,
    LabelDictionary Labels)
{
    /// <summary>The <c>agents.pod_port</c> column default (the seed's agent port), for a row that has none.</summary>
    public const int DefaultPodPort = 8001;

    public static AgentNode From(AgentSnapshot agent) => new(
        agent.Id, agent.ConfigName, agent.Hostname, string.IsNullOrEmpty(agent.PodIp) ? null : agent.PodIp, agent.PodPort, agent.Pid,
        agent.Status, agent.CurrentJobId, agent.RegisteredAt, agent.LastHeartbeat, agent.MetadataJson, agent.MetricsJson, agent.Version,
        agent.Labels ?? LabelDictionary.Empty);

    /// <summary>Null for a row whose status this build does not know (it cannot be shown as an <c>AgentStatus</c>).</summary>
    public static AgentNode? From(AgentRow row) => StatusNames.TryParseAgentStatus(row.Status, out var status)
        ? new AgentNode(row.Id, row.ConfigName, row.Hostname, row.PodIp, row.PodPort ?? DefaultPodPort, row.Pid, status, row.CurrentJobId,
            row.RegisteredAt ?? default, row.LastHeartbeat ?? default, row.MetadataJson, row.LastMetricsJson, row.Version, row.Labels)
        : null;
}

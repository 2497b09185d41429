using Cockpit.Grains;
using Cockpit.Grains.Agents;
using Cockpit.Grains.Dispatch;
using Cockpit.Protocol;
using Cockpit.Storage.ReadModel;

namespace Cockpit.Commands.Agents;

/// <summary>
/// An agent as every front end shows it, whichever source it was read from: the agent grain's snapshot (single agents,
/// subscriptions) or a row of the <c>agents</c> read model (lists). The one place where a source becomes what the outside
/// sees; REST's <c>AgentResponse</c> (which MCP's tools answer with too) and GraphQL's <c>Agent</c> map from this
/// (ADR 0022). Positional on purpose: a new field does not compile until both sources fill it.
/// </summary>
/// <param name="PodIp">Where the pod listens; null when unknown (a grain's state has an empty address until registration,
/// which requires one, sets it).</param>
/// <param name="StatusName">The wire name (<c>ready</c>, <c>working</c>, …). From a row as stored, so that a status a newer
/// build wrote still shows in REST and MCP rather than vanishing.</param>
/// <param name="Status">Null when this build does not know <paramref name="StatusName"/>; GraphQL, whose enum cannot show
/// it, leaves such an agent out.</param>
/// <param name="MetadataJson">Free-form JSON as text; each front end embeds it in its own way.</param>
/// <param name="MetricsJson">The metrics of the last heartbeat, as JSON text.</param>
/// <param name="Version">The grain's version of the agent; a subscription sends an agent again only when this grew.</param>
/// <param name="Labels">What the agent offers to jobs' selectors (automatic dispatch); empty when it registered none.</param>
public sealed record AgentView(
    Guid Id,
    string ConfigName,
    string? Hostname,
    string? PodIp,
    int PodPort,
    int? Pid,
    string StatusName,
    AgentStatus? Status,
    Guid? CurrentJobId,
    DateTimeOffset RegisteredAt,
    DateTimeOffset LastHeartbeat,
    string? MetadataJson,
    string? MetricsJson,
    long Version,
    LabelDictionary Labels)
{
    public static AgentView From(AgentSnapshot agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return new(agent.Id, agent.ConfigName, agent.Hostname, KnownAddress(agent.PodIp), agent.PodPort, agent.Pid,
            agent.Status.ToWire(), agent.Status, agent.CurrentJobId, agent.RegisteredAt, agent.LastHeartbeat, agent.MetadataJson,
            agent.MetricsJson, agent.Version, agent.Labels ?? LabelDictionary.Empty);
    }

    /// <remarks>A row from before a column was filled reads as the column's default: the seed's agent port, or no time.</remarks>
    public static AgentView From(AgentRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Id, row.ConfigName, row.Hostname, KnownAddress(row.PodIp), row.PodPort ?? ProtocolPaths.DefaultAgentPort, row.Pid,
            row.Status, StatusNames.TryParseAgentStatus(row.Status, out var status) ? status : null, row.CurrentJobId,
            row.RegisteredAt ?? default, row.LastHeartbeat ?? default, row.MetadataJson, row.LastMetricsJson, row.Version, row.Labels);
    }

    private static string? KnownAddress(string? podIp) => string.IsNullOrEmpty(podIp) ? null : podIp;
}

using System.Text.Json;
using Cockpit.Commands.Agents;

namespace Cockpit.Silo.Agents;

/// <summary>An agent as the REST API shows it: the seed's Agent model (snake_case), plus its last metrics.</summary>
public sealed record AgentResponse
{
    public required Guid Id { get; init; }
    public required string ConfigName { get; init; }
    public string? Hostname { get; init; }
    public string? PodIp { get; init; }
    public required int PodPort { get; init; }
    public int? Pid { get; init; }
    public required string Status { get; init; }
    public Guid? CurrentJobId { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
    public required DateTimeOffset LastHeartbeat { get; init; }
    public JsonElement? Metadata { get; init; }
    public JsonElement? Metrics { get; init; }

    /// <summary>What the agent offers to jobs' selectors (automatic dispatch); empty when it registered none.</summary>
    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    /// <summary>The one mapping from the view; a new field of an agent is one line here.</summary>
    public static AgentResponse From(AgentView agent) => new()
    {
        Id = agent.Id,
        ConfigName = agent.ConfigName,
        Hostname = agent.Hostname,
        PodIp = agent.PodIp,
        PodPort = agent.PodPort,
        Pid = agent.Pid,
        Status = agent.StatusName,
        CurrentJobId = agent.CurrentJobId,
        RegisteredAt = agent.RegisteredAt,
        LastHeartbeat = agent.LastHeartbeat,
        Metadata = RawJson.Parse(agent.MetadataJson),
        Metrics = RawJson.Parse(agent.MetricsJson),
        Labels = agent.Labels,
    };
}

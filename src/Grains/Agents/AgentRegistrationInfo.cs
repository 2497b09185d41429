namespace Cockpit.Grains.Agents;

/// <summary>A validated registration: what the agent told us about itself.</summary>
[GenerateSerializer, Immutable]
public sealed record AgentRegistrationInfo(
    [property: Id(0)] string ConfigName,
    [property: Id(1)] string? Hostname,
    [property: Id(2)] string PodIp,
    [property: Id(3)] int PodPort,
    [property: Id(4)] int? Pid,
    [property: Id(5)] string MetadataJson,
    [property: Id(6)] Dispatch.LabelDictionary? Labels = null);

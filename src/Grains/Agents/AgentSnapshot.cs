namespace Cockpit.Grains.Agents;

/// <summary>The seed's agent record as the grain holds it; also the payload of <see cref="Events.AgentChanged"/>.</summary>
/// <param name="Version">Grows by one on every change; read models apply a snapshot only when it is newer.</param>
[GenerateSerializer, Immutable]
public sealed record AgentSnapshot(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string ConfigName,
    [property: Id(2)] string? Hostname,
    [property: Id(3)] string PodIp,
    [property: Id(4)] int PodPort,
    [property: Id(5)] int? Pid,
    [property: Id(6)] AgentStatus Status,
    [property: Id(7)] Guid? CurrentJobId,
    [property: Id(8)] DateTimeOffset RegisteredAt,
    [property: Id(9)] DateTimeOffset LastHeartbeat,
    [property: Id(10)] string MetadataJson,
    [property: Id(11)] string? MetricsJson,
    [property: Id(12)] long Version,
    [property: Id(13)] Dispatch.LabelDictionary? Labels = null);

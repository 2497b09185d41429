namespace Cockpit.Grains.Dispatch;

/// <summary>What the dispatcher hears when an agent's status changes.</summary>
/// <param name="Version">The agent's version; an older notice than one already heard is ignored.</param>
/// <param name="Idle">Ready without a job: it can take one now.</param>
/// <param name="Gone">Deregistered: it no longer counts as an agent that could ever match a job.</param>
[GenerateSerializer, Immutable]
public sealed record AgentDispatchNotice(
    [property: Id(0)] Guid AgentId,
    [property: Id(1)] long Version,
    [property: Id(2)] string ConfigName,
    [property: Id(3)] LabelDictionary Labels,
    [property: Id(4)] bool Idle,
    [property: Id(5)] bool Gone);

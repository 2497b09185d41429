namespace Cockpit.Grains.Dispatch;

/// <summary>A ready agent without a job, as the dispatcher sees it.</summary>
/// <param name="IdleSince">When the dispatcher first heard it ready; the longest idle takes work first.</param>
[GenerateSerializer, Immutable]
public sealed record IdleAgent(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string ConfigName,
    [property: Id(2)] LabelDictionary Labels,
    [property: Id(3)] DateTimeOffset IdleSince);

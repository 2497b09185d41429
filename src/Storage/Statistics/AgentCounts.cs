namespace Cockpit.Storage.Statistics;

/// <summary>Agents by what they are doing. Online is every agent that is not offline; idle is ready.</summary>
/// <param name="Utilization">working / online, 4 decimals; null with no agent online.</param>
public sealed record AgentCounts(
    long Total,
    long Online,
    long Working,
    long Idle,
    long Booting,
    long Completed,
    long Failed,
    long Offline,
    double? Utilization);

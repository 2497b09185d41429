namespace Cockpit.Storage.Statistics;

/// <summary>Jobs per status right now; every status is present (0 when none).</summary>
/// <param name="ByStatus">Keyed by the status wire name, in lifecycle order.</param>
public sealed record QueueMetrics(IReadOnlyDictionary<string, long> ByStatus, long Total);

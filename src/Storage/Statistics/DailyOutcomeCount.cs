namespace Cockpit.Storage.Statistics;

/// <summary>One row of the daily query: how many jobs had <paramref name="Outcome"/> (see <see cref="JobOutcomes"/>) on a UTC day.</summary>
public sealed record DailyOutcomeCount(DateOnly Day, string Outcome, long Count);

namespace Cockpit.GraphQL.Schema.Statistics;

/// <summary>The source of <c>Stats</c>: nothing but the moment; each field runs its own statistics query when selected.</summary>
public sealed record StatsSource(DateTimeOffset At);

namespace Cockpit.Silo.Statistics;

/// <summary>Jobs created and finished over the whole window.</summary>
public sealed record DailyTotalsResponse(long Created, long Completed, long Failed, long Cancelled);

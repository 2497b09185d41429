namespace Cockpit.Storage.Statistics;

/// <summary>Jobs created, and jobs that ended completed, failed or cancelled, on one UTC day (or over a window).</summary>
public sealed record DailyJobCounts(DateOnly Date, long Created, long Completed, long Failed, long Cancelled);

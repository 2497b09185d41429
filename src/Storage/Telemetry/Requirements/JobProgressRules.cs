using Cockpit.Grains.Jobs;
using Cockpit.Grains.Jobs.Progress;

namespace Cockpit.Storage.Telemetry.Requirements;

/// <summary>
/// How a job's progress combines the agent's own counts with the requirement rows: the agent's counts when it reported
/// any, else the requirement rows for both counts. Never one count from each: an agent that finds requirements as it
/// goes reports how many it has found and no total, and that count set against the rows stored so far (which lag it)
/// read "228 of 115", or 100 % a moment into the job. One rule for both front doors: GraphQL's <c>progress</c> (null
/// while unknown) and REST's <c>GET /api/jobs/{id}/progress</c> (0 while unknown).
/// </summary>
public static class JobProgressRules
{
    /// <summary>True when the agent reported no counts at all, so the requirement rows may stand in.</summary>
    public static bool NeedsRequirements(ProgressEstimate estimate) => estimate.Total is null && estimate.Processed is null;

    /// <summary>The agent's total, else (it reported no counts) the number of requirement rows when there are any.</summary>
    public static int? Total(ProgressEstimate estimate, RequirementSummary? requirements) =>
        RowsStandIn(estimate, requirements) is { } rows ? Clamp(rows.Total) : estimate.Total;

    /// <summary>The agent's processed count, else (it reported no counts) the processed requirement rows.</summary>
    public static int? Processed(ProgressEstimate estimate, RequirementSummary? requirements) =>
        RowsStandIn(estimate, requirements) is { } rows ? Clamp(rows.Processed) : estimate.Processed;

    /// <summary>0–100; from the requirement rows only when they stand in and the job is not completed.</summary>
    public static double Percent(JobStatus status, ProgressEstimate estimate, RequirementSummary? requirements) =>
        RowsStandIn(estimate, requirements) is { } rows && status != JobStatus.Completed
            ? ProgressEstimate.PercentOf(Clamp(rows.Processed), Clamp(rows.Total))
            : estimate.Percent;

    private static RequirementSummary? RowsStandIn(ProgressEstimate estimate, RequirementSummary? requirements) =>
        NeedsRequirements(estimate) && requirements is { Total: > 0 } rows ? rows : null;

    /// <summary>Every known requirement status in lifecycle order, then any other status the store holds.</summary>
    public static IReadOnlyList<KeyValuePair<string, long>> ByStatus(RequirementSummary? requirements)
    {
        if (requirements is null) return [];
        var known = RequirementStatuses.All.Select(s => KeyValuePair.Create(s, requirements.ByStatus.GetValueOrDefault(s)));
        var other = requirements.ByStatus.Where(p => !RequirementStatuses.IsKnown(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal);
        return [.. known, .. other];
    }

    private static int Clamp(long count) => (int)Math.Min(count, int.MaxValue);
}

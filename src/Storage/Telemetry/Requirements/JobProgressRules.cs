using Cockpit.Grains.Jobs;
using Cockpit.Grains.Jobs.Progress;

namespace Cockpit.Storage.Telemetry.Requirements;

/// <summary>
/// How a job's progress combines the agent's own counts with the requirement rows: the agent's counts come first,
/// the requirement rows stand in when the agent reported none. One rule for both front doors: GraphQL's
/// <c>progress</c> (null while unknown) and REST's <c>GET /api/jobs/{id}/progress</c> (0 while unknown).
/// </summary>
public static class JobProgressRules
{
    /// <summary>True when the agent's counts are incomplete and the requirement rows may stand in.</summary>
    public static bool NeedsRequirements(ProgressEstimate estimate) => estimate.Total is null || estimate.Processed is null;

    /// <summary>The agent's total, else the number of requirement rows when there are any.</summary>
    public static int? Total(ProgressEstimate estimate, RequirementSummary? requirements) =>
        estimate.Total ?? (requirements is { Total: > 0 } r ? Clamp(r.Total) : null);

    /// <summary>The agent's processed count, else the processed requirement rows when there are any.</summary>
    public static int? Processed(ProgressEstimate estimate, RequirementSummary? requirements) =>
        estimate.Processed ?? (requirements is { Total: > 0 } r ? Clamp(r.Processed) : null);

    /// <summary>0–100; from the requirement rows only when the agent named no total and the job is not completed.</summary>
    public static double Percent(JobStatus status, ProgressEstimate estimate, RequirementSummary? requirements)
    {
        var total = Total(estimate, requirements) ?? 0;
        return estimate.Total is null && total > 0 && status != JobStatus.Completed
            ? ProgressEstimate.PercentOf(Processed(estimate, requirements) ?? 0, total)
            : estimate.Percent;
    }

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

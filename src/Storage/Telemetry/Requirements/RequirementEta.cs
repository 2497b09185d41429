namespace Cockpit.Storage.Telemetry.Requirements;

/// <summary>Progress and estimated time left from a <see cref="RequirementSummary"/>.</summary>
public static class RequirementEta
{
    /// <summary>Percent of requirements processed (0–100, one decimal); 0 when there are none.</summary>
    public static double ProgressPercent(RequirementSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.Total == 0 ? 0 : Math.Round(100.0 * summary.Processed / summary.Total, 1);
    }

    /// <summary>
    /// Seconds until every known requirement is processed, at the average rate so far (processed requirements
    /// over the time since the first was reported). Null when nothing was processed yet or the rate is unknown;
    /// 0 when all are done.
    /// </summary>
    public static double? Seconds(RequirementSummary summary, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var remaining = summary.Total - summary.Processed;
        if (remaining <= 0) return summary.Total > 0 ? 0 : null;
        if (summary.Processed == 0 || summary.FirstSeenAt is not { } start || summary.LastProcessedAt is not { } last) return null;
        // Up to the last completion, not to now: a pause after it is not yet evidence of a slower rate.
        var elapsed = (last - start).TotalSeconds;
        if (elapsed <= 0) return null;
        var perRequirement = elapsed / summary.Processed;
        var sinceLast = Math.Max(0, (now - last).TotalSeconds);
        return Math.Round(Math.Max(0, (remaining * perRequirement) - sinceLast), 1);
    }
}

namespace Cockpit.Bench.Results;

/// <summary>One measured figure of one scenario, with its baselines and targets.</summary>
/// <param name="Note">What the figure means or why a target is missed, in a sentence; shown under the table.</param>
public sealed record BenchResult(
    string Scenario,
    string Metric,
    double Value,
    string Unit,
    Baselines? Baselines = null,
    IReadOnlyList<Target>? Targets = null,
    string? Note = null)
{
    public Baselines Baselines { get; init; } = Baselines ?? Baselines.None;

    public IReadOnlyList<Target> Targets { get; init; } = Targets ?? [];

    /// <summary>Value divided by the bare-Kestrel baseline; for latencies above 1 means slower than bare.</summary>
    public double? RatioVsBare => Ratio(Baselines.BareKestrel);

    /// <summary>Value divided by the naive-PostgreSQL baseline.</summary>
    public double? RatioVsNaive => Ratio(Baselines.NaivePostgres);

    /// <summary>True when every target is met, false when one is missed, null when there is none or one cannot be judged.</summary>
    public bool? MeetsTargets
    {
        get
        {
            if (Targets.Count == 0) return null;
            var verdicts = Targets.Select(t => t.IsMetBy(this)).ToList();
            if (verdicts.Any(v => v == false)) return false;
            return verdicts.All(v => v == true) ? true : null;
        }
    }

    private double? Ratio(double? baseline) => baseline is { } b && b != 0 ? Value / b : null;
}

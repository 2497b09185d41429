using System.Globalization;

namespace Cockpit.Bench.Results;

/// <summary>A goal from the issue for one metric: an absolute bound or a ratio to a baseline of the same run.</summary>
public sealed record Target(TargetKind Kind, double Threshold)
{
    public static Target AtMost(double threshold) => new(TargetKind.AtMost, threshold);

    public static Target AtLeast(double threshold) => new(TargetKind.AtLeast, threshold);

    public static Target AtLeastTimesBare(double factor) => new(TargetKind.AtLeastTimesBare, factor);

    public static Target AtLeastTimesNaive(double factor) => new(TargetKind.AtLeastTimesNaive, factor);

    /// <summary>Whether <paramref name="result"/> meets the target; null when the baseline it needs was not measured.</summary>
    public bool? IsMetBy(BenchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Kind switch
        {
            TargetKind.AtMost => result.Value <= Threshold,
            TargetKind.AtLeast => result.Value >= Threshold,
            TargetKind.AtLeastTimesBare => result.RatioVsBare is { } r ? r >= Threshold : null,
            TargetKind.AtLeastTimesNaive => result.RatioVsNaive is { } r ? r >= Threshold : null,
            _ => throw new InvalidOperationException($"unknown target kind {Kind}"),
        };
    }

    /// <summary>How the target reads in the table, in the unit of <paramref name="unit"/>.</summary>
    public string Describe(string unit) => Kind switch
    {
        TargetKind.AtMost => $"≤ {Bound()} {unit}".TrimEnd(),
        TargetKind.AtLeast => $"≥ {Bound()} {unit}".TrimEnd(),
        TargetKind.AtLeastTimesBare => $"≥ {Threshold.ToString("0.##", CultureInfo.InvariantCulture)} × bare",
        TargetKind.AtLeastTimesNaive => $"≥ {Threshold.ToString("0.##", CultureInfo.InvariantCulture)} × naive",
        _ => Kind.ToString(),
    };

    // Bounds are round numbers from the issue: no trailing zeros.
    private string Bound() => Threshold.ToString(Math.Abs(Threshold) >= 1000 ? "#,0" : "0.##", CultureInfo.InvariantCulture);
}

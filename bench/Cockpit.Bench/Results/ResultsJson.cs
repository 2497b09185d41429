using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cockpit.Bench.Results;

/// <summary>
/// The shape of bench/results/latest.json: one row per metric with its value, unit, baselines, ratios and each
/// target with its verdict, plus the machine it ran on. Built from <see cref="BenchReport"/> so that the file states
/// verdicts instead of leaving readers to recompute them.
/// </summary>
public static class ResultsJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        // "≤" and "×" stay readable in the file.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var shape = new
        {
            report.Mode,
            report.StartedAt,
            report.FinishedAt,
            report.Machine,
            report.Database,
            Results = report.Results.Select(r => new
            {
                r.Scenario,
                r.Metric,
                r.Value,
                r.Unit,
                Baselines = new { r.Baselines.BareKestrel, r.Baselines.NaivePostgres },
                r.RatioVsBare,
                r.RatioVsNaive,
                Targets = r.Targets.Select(t => new { t.Kind, t.Threshold, Description = t.Describe(r.Unit), Met = t.IsMetBy(r) }),
                r.MeetsTargets,
                r.Note,
            }),
            report.Failures,
        };
        return JsonSerializer.Serialize(shape, Options);
    }
}

using System.Globalization;

namespace Cockpit.Bench.Results;

/// <summary>Number formatting for the report: enough digits to compare, never more than the noise allows.</summary>
public static class Quantity
{
    public static string Format(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) return "–";
        var magnitude = Math.Abs(value);
        var format = magnitude switch
        {
            >= 1000 => "#,0",
            >= 100 => "0",
            >= 10 => "0.0",
            0 => "0",
            _ => "0.00",
        };
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    public static string Ratio(double? ratio) => ratio is { } r && !double.IsNaN(r) && !double.IsInfinity(r)
        ? r.ToString(r >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture) + "×"
        : "–";
}

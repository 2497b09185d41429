using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Cockpit.Http;

/// <summary>Whole-number query parameters with a range; a bad one is recorded under its own name for a 400.</summary>
public static class QueryNumbers
{
    /// <summary>The parameter's value, <paramref name="fallback"/> when absent; on a bad value records an error and returns the fallback.</summary>
    public static int Read(HttpRequest request, string name, int fallback, int min, int max, IDictionary<string, string[]> errors)
    {
        var values = request.Query[name];
        if (values.Count == 0) return fallback;
        if (values.Count == 1
            && int.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }
        errors[name] = [$"must be one whole number from {min} to {max}"];
        return fallback;
    }
}

using System.Globalization;

namespace Cockpit.Silo.Mcp;

/// <summary>
/// Checks of tool arguments that arrive typed (ids, numbers): each failure is recorded under the argument's name, as
/// the REST endpoints record theirs under the query parameter's name.
/// </summary>
public static class ToolArguments
{
    /// <summary>The UUID in <paramref name="raw"/>; records "'x' is not a UUID" (REST's words) when it is not one.</summary>
    public static Guid Id(string? raw, string field, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Guid.TryParse(raw, out var id)) return id;
        errors[field] = [raw is null ? "is required" : $"'{Clip(raw)}' is not a UUID"];
        return Guid.Empty;
    }

    /// <summary>Like <see cref="Id"/>, but absent (null or empty) is allowed and gives null.</summary>
    public static Guid? OptionalId(string? raw, string field, IDictionary<string, string[]> errors) =>
        string.IsNullOrEmpty(raw) ? null : Id(raw, field, errors);

    /// <summary><paramref name="value"/> when it lies in [<paramref name="min"/>, <paramref name="max"/>]; else records an error.</summary>
    public static int InRange(int value, string field, int min, int max, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value >= min && value <= max) return value;
        errors[field] = [$"must be a whole number from {min} to {max}"];
        return Math.Clamp(value, min, max);
    }

    /// <summary>A number as the shared query-string parsers take it (they validate ranges and name the field).</summary>
    public static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Clip(string value) => value.Length <= 64 ? value : value[..64] + "…";
}

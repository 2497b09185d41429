using System.Globalization;

namespace Cockpit.Settings;

/// <summary>Parses the text of one setting into its property's type: invariant numbers, flags, enum names, URLs, durations.</summary>
public static class SettingValue
{
    /// <summary>The parsed value, or null when <paramref name="text"/> is not a <paramref name="type"/>.</summary>
    public static object? TryParse(string text, Type type)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(type);
        if (type == typeof(string)) return text;
        if (type == typeof(int)) return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;
        if (type == typeof(long)) return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null;
        if (type == typeof(double))
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
        if (type == typeof(decimal)) return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m : null;
        if (type == typeof(bool)) return Flag(text);
        if (type == typeof(TimeSpan)) return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var t) ? t : null;
        if (type == typeof(Uri)) return Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
        if (type.IsEnum)
        {
            return Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is { } name
                ? Enum.Parse(type, name)
                : null;
        }
        throw new NotSupportedException($"A setting of type {type.Name} cannot be read; use string and parse it in Validate.");
    }

    /// <summary>What a value of <paramref name="type"/> is, for "KEY='x' is not …".</summary>
    public static string Describe(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type == typeof(int) || type == typeof(long)) return "a whole number";
        if (type == typeof(double) || type == typeof(decimal)) return "a number";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(TimeSpan)) return "a duration (hh:mm:ss)";
        if (type == typeof(Uri)) return "an absolute URL";
        if (type.IsEnum) return "one of " + string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant()));
        return "a " + type.Name;
    }

    /// <summary>The text a default value is written as in the README and .env.example (null when unset).</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        bool b => b ? "true" : "false",
        Enum e => e.ToString().ToLowerInvariant(),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        Uri u => u.OriginalString,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    // The spellings people write in .env files; the seed used true/false, the agent on/off.
    private static object? Flag(string text) => text.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => null,
    };
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Cockpit.Silo.Tests.Settings;

/// <summary>Whether a default as a document writes it means the declared one: "1 MiB" is 1048576, "on" is true, ".a .b" is ".a,.b".</summary>
public static partial class SettingDefaults
{
    public static bool Agree(string? declared, string? documented)
    {
        if (declared is null || documented is null) return declared is null && documented is null;
        if (Number(declared) is { } a && Number(documented) is { } b) return a == b;
        if (Flag(declared) is { } x && Flag(documented) is { } y) return x == y;
        return string.Equals(Words(declared), Words(documented), StringComparison.OrdinalIgnoreCase);
    }

    private static decimal? Number(string text)
    {
        var match = Size().Match(text.Trim());
        if (!match.Success) return null;
        var number = decimal.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value switch
        {
            "KiB" => number * 1024,
            "MiB" => number * 1024 * 1024,
            _ => number,
        };
    }

    private static bool? Flag(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "on" or "yes" => true,
        "false" or "off" or "no" => false,
        _ => null,
    };

    // Lists may be written with commas or spaces between their items.
    private static string Words(string text) => string.Join(' ', text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^(?<n>-?\d+(\.\d+)?)(\s?(?<unit>KiB|MiB))?$")]
    private static partial Regex Size();
}

using System.Text.RegularExpressions;
using Cockpit.TestSupport;

namespace Cockpit.Silo.Tests.Settings;

/// <summary>
/// The README's configuration table ("## Configuration", columns variable | default | meaning). A row may name several
/// variables (<c>`A` / `B`</c>, or <c>`POSTGRES_HOST` / `_PORT`</c> for POSTGRES_PORT) with as many defaults separated
/// by " / ", or one default for all of them. A default's trailing remark in parentheses is not part of it.
/// </summary>
public static partial class ReadmeConfigurationTable
{
    public static IReadOnlyList<DocumentedSetting> Read() => Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")));

    public static IReadOnlyList<DocumentedSetting> Parse(string readme)
    {
        ArgumentNullException.ThrowIfNull(readme);
        var section = readme[readme.IndexOf("\n## Configuration", StringComparison.Ordinal)..];
        var rows = section.Split('\n').SkipWhile(l => !l.StartsWith("| variable |", StringComparison.Ordinal)).Skip(2)
            .TakeWhile(l => l.StartsWith('|'));
        var settings = new List<DocumentedSetting>();
        foreach (var row in rows)
        {
            var cells = row.Trim('|').Split(" | ");
            var names = Names(cells[0]);
            var defaults = cells[1].Trim().Split(" / ");
            if (defaults.Length != names.Count && defaults.Length != 1)
            {
                throw new FormatException($"README configuration row names {names.Count} variables but gives {defaults.Length} defaults: {row}");
            }
            for (var i = 0; i < names.Count; i++)
            {
                settings.Add(new DocumentedSetting(names[i], Normalize(defaults.Length == 1 ? defaults[0] : defaults[i]), "README"));
            }
        }
        return settings;
    }

    /// <summary>"`POSTGRES_HOST` / `_PORT`" → POSTGRES_HOST, POSTGRES_PORT.</summary>
    private static List<string> Names(string cell)
    {
        var names = new List<string>();
        foreach (Match match in Backticked().Matches(cell))
        {
            var name = match.Groups[1].Value;
            names.Add(name.StartsWith('_') && names.Count > 0 ? names[0][..names[0].IndexOf('_', StringComparison.Ordinal)] + name : name);
        }
        return names;
    }

    /// <summary>"`./workspace` (make up: …)" → "./workspace"; "— (no budget)" → null.</summary>
    private static string? Normalize(string text)
    {
        var value = Remark().Replace(text.Trim(), "").Replace("`", "", StringComparison.Ordinal).Trim();
        return value is "—" or "" ? null : value;
    }

    [GeneratedRegex(@"`([A-Za-z_][A-Za-z0-9_]*)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"\s*\([^()]*\)$")]
    private static partial Regex Remark();
}

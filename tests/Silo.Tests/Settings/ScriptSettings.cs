using System.Text.RegularExpressions;
using Cockpit.TestSupport;

namespace Cockpit.Silo.Tests.Settings;

/// <summary>
/// Settings only the scripts behind <c>make up</c> and <c>make cluster</c> read (no .NET process declares them), with the
/// default each script gives them (<c>${NAME:-default}</c>).
/// </summary>
public static partial class ScriptSettings
{
    public static IReadOnlyList<string> Names { get; } = ["DATA_DIR", "DEMO_AGENTS", "DEMO_LLM", "PRIVATE_POSTGRES_PORT", "SILOS", "SKIP_BUILD"];

    /// <summary>Each name with the defaults the scripts give it (empty when a script reads it without one).</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string?>> Read()
    {
        var scripts = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "scripts"), "*.sh", SearchOption.AllDirectories)
            .Select(File.ReadAllText).ToArray();
        return Names.ToDictionary(name => name, name => (IReadOnlySet<string?>)scripts
            .SelectMany(script => Use().Matches(script).Where(m => m.Groups["name"].Value == name))
            .Select(m => m.Groups["default"].Success ? Normalize(m.Groups["default"].Value) : null)
            .ToHashSet());
    }

    private static string? Normalize(string value) =>
        value.Replace("$root/", "", StringComparison.Ordinal) is { Length: > 0 } text ? text : null;

    [GeneratedRegex(@"\$\{(?<name>[A-Z_][A-Z0-9_]*)(:-(?<default>[^}]*))?\}")]
    private static partial Regex Use();
}

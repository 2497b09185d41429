using System.Text.RegularExpressions;
using Cockpit.TestSupport;

namespace Cockpit.Silo.Tests.Settings;

/// <summary>The settings <c>.env.example</c> lists: <c># KEY=value   # remark</c> lines (commented out or not).</summary>
public static partial class EnvExample
{
    public static IReadOnlyList<DocumentedSetting> Read() => Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, ".env.example")));

    public static IReadOnlyList<DocumentedSetting> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split('\n')
            .Select(line => Line().Match(line))
            .Where(m => m.Success)
            .Select(m => new DocumentedSetting(m.Groups["key"].Value, m.Groups["value"].Value.Trim() is { Length: > 0 } value ? value : null, ".env.example"))
            .ToArray();
    }

    // The value ends where a space and "#" start a remark.
    [GeneratedRegex(@"^#?\s?(?<key>[A-Za-z][A-Za-z0-9_]*)=(?<value>.*?)(\s+#.*)?\s*$")]
    private static partial Regex Line();
}

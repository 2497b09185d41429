using System.Text.RegularExpressions;

namespace Cockpit.EndToEnd.Tests.Support;

/// <summary>One entry of .NET's plain console log (<c>info: Category[id]</c>, then the message indented below).</summary>
public sealed partial record ConsoleLogEntry(string Level, string Category, string Message)
{
    /// <summary>The entries in <paramref name="output"/>; lines that belong to no entry (the process's own prints) are skipped.</summary>
    public static IReadOnlyList<ConsoleLogEntry> Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var entries = new List<ConsoleLogEntry>();
        string? level = null, category = null;
        var message = new List<string>();
        void Close()
        {
            if (level is not null) entries.Add(new ConsoleLogEntry(level, category!, string.Join('\n', message)));
            level = null;
            message.Clear();
        }
        foreach (var line in output.Split('\n'))
        {
            var header = Header().Match(line);
            if (header.Success)
            {
                Close();
                (level, category) = (header.Groups["level"].Value, header.Groups["category"].Value);
            }
            else if (level is not null && line.StartsWith("      ", StringComparison.Ordinal))
            {
                message.Add(line.Trim());
            }
            else
            {
                Close();
            }
        }
        Close();
        return entries;
    }

    [GeneratedRegex(@"^(?<level>trce|dbug|info|warn|fail|crit): (?<category>[^\[\s]+)\[-?\d+\]\s*$")]
    private static partial Regex Header();
}

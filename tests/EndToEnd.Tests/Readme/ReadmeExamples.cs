using System.Text.RegularExpressions;

namespace Cockpit.EndToEnd.Tests.Readme;

/// <summary>
/// Reads README.md's fenced blocks. A block tagged <c>bash</c>, <c>sh</c>, <c>shell</c> or <c>graphql</c> is an
/// example that must run; any other tag (<c>text</c>, <c>json</c>, <c>yaml</c>, …) says "not a command" and is
/// ignored. A block without a tag is an error, so that nothing escapes the test by forgetting its tag. An example
/// meant not to run here says so on the line before its fence: <c>&lt;!-- readme-test: skip (why) --&gt;</c>.
/// </summary>
public static partial class ReadmeExamples
{
    private static readonly HashSet<string> Runnable = ["bash", "sh", "shell", "graphql"];

    /// <summary>The examples, in README order, and the lines of fences that carry no tag.</summary>
    public static (IReadOnlyList<ReadmeExample> Examples, IReadOnlyList<int> Untagged) Parse(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var examples = new List<ReadmeExample>();
        var untagged = new List<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success) continue;
            var language = open.Groups["lang"].Value.ToLowerInvariant();
            var body = new List<string>();
            var j = i + 1;
            for (; j < lines.Length && !Fence().IsMatch(lines[j]); j++) body.Add(lines[j]);
            if (language.Length == 0) untagged.Add(i + 1);
            else if (Runnable.Contains(language)) examples.Add(new ReadmeExample(i + 1, language, string.Join('\n', body), SkipReasonBefore(lines, i)));
            i = j;
        }
        return (examples, untagged);
    }

    /// <summary>The reason of a skip marker on the nearest non-blank line above the fence; an empty reason does not count.</summary>
    private static string? SkipReasonBefore(string[] lines, int fence)
    {
        var k = fence - 1;
        while (k >= 0 && lines[k].Trim().Length == 0) k--;
        if (k < 0) return null;
        var marker = SkipMarker().Match(lines[k]);
        return marker.Success && marker.Groups["why"].Value.Trim().Length > 0 ? marker.Groups["why"].Value.Trim() : null;
    }

    [GeneratedRegex(@"^\s*```(?<lang>[A-Za-z0-9_+-]*)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*<!--\s*readme-test:\s*skip\s*\((?<why>[^)]*)\)\s*-->\s*$")]
    private static partial Regex SkipMarker();
}

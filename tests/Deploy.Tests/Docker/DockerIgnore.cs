using System.Text.RegularExpressions;

namespace Cockpit.Deploy.Tests.Docker;

/// <summary>
/// .dockerignore semantics as BuildKit applies them: rules in order, the last that matches a path or one of its
/// parent folders decides, "!" re-includes; * and ? stay within a path segment, ** spans segments.
/// </summary>
public sealed class DockerIgnore(IReadOnlyList<(Regex Pattern, bool Include)> rules)
{
    public static DockerIgnore Parse(string text) => new(text.Split('\n')
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.StartsWith('!') ? (Pattern: l[1..], Include: true) : (Pattern: l, Include: false))
        .Select(r => (ToRegex(r.Pattern.Trim('/')), r.Include))
        .ToList());

    /// <summary>True when the path (relative to the context, '/'-separated) is sent to the builder.</summary>
    public bool Includes(string path)
    {
        var normalized = path.Trim('/');
        var segments = normalized.Split('/');
        var candidates = Enumerable.Range(1, segments.Length).Select(n => string.Join('/', segments[..n])).ToList();
        var excluded = false;
        foreach (var (pattern, include) in rules)
        {
            if (candidates.Any(c => pattern.IsMatch(c))) excluded = !include;
        }
        return !excluded;
    }

    private static Regex ToRegex(string glob)
    {
        var pattern = Regex.Escape(glob)
            .Replace(@"\*\*/", "(?:.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal);
        return new Regex($"^{pattern}$", RegexOptions.CultureInvariant);
    }
}

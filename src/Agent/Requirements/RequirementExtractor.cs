using System.Text.RegularExpressions;

namespace Cockpit.Agent.Requirements;

/// <summary>
/// Finds requirement statements: sentences that use shall, must or should as whole words. Pure, so the whole
/// keyword workload can be checked without files.
/// </summary>
public static partial class RequirementExtractor
{
    /// <summary>
    /// Every requirement sentence of <paramref name="documents"/>, in order, numbered REQ-001, REQ-002, ...
    /// A sentence repeated (ignoring case and spacing) is kept once, with its first source, because the same
    /// statement copied into two documents is still one requirement.
    /// </summary>
    public static IReadOnlyList<ExtractedRequirement> Extract(IEnumerable<SourceDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var found = new List<ExtractedRequirement>();
        foreach (var document in documents)
        {
            foreach (var sentence in SentenceSplitter.Split(document))
            {
                if (PriorityOf(sentence) is not { } priority || !seen.Add(sentence)) continue;
                found.Add(new ExtractedRequirement(FormatId(found.Count + 1), sentence, priority, document.Name));
            }
        }
        return found;
    }

    /// <summary>high for must/shall, medium for should, null when the sentence is no requirement.</summary>
    public static string? PriorityOf(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        string? priority = null;
        foreach (Match match in Keyword().Matches(sentence))
        {
            if (!match.Value.Equals("should", StringComparison.OrdinalIgnoreCase)) return RequirementPriorities.High;
            priority = RequirementPriorities.Medium;
        }
        return priority;
    }

    public static bool IsRequirement(string sentence) => PriorityOf(sentence) is not null;

    /// <summary>REQ-001 … REQ-999, then REQ-1000: three digits at least so the ids sort in files and lists.</summary>
    public static string FormatId(int number) => $"REQ-{number:D3}";

    [GeneratedRegex(@"\b(?:shall|must|should)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Keyword();
}

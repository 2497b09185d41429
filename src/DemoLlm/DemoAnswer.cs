using System.Text.Json;
using System.Text.RegularExpressions;
using Cockpit.Agent.Requirements;

namespace Cockpit.DemoLlm;

/// <summary>
/// What the demo answers, as a pure function of the messages. A requirement-extraction prompt (a system message about
/// requirements, a user message with the text after a <c>---</c> line, as the reference agent sends) gets the text's
/// shall / must / should sentences as the JSON array the agent asks for; anything else gets <see cref="DemoModel.Disclaimer"/>.
/// </summary>
public static partial class DemoAnswer
{
    private const string Separator = "\n---\n";

    public static string For(IReadOnlyList<ChatMessageIn> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var user = messages.LastOrDefault(m => m.Role == "user")?.Content ?? "";
        if (Directives.Of(user) == Directive.Repeat) return DemoModel.RepeatedAnswer;
        var asksForRequirements = messages.Any(m => m.Role == "system" && m.Content.Contains("requirement", StringComparison.OrdinalIgnoreCase));
        var text = user.ReplaceLineEndings("\n");
        var separator = text.IndexOf(Separator, StringComparison.Ordinal);
        if (!asksForRequirements || separator < 0) return DemoModel.Disclaimer;

        var name = DocumentName().Match(text[..separator]) is { Success: true } m ? m.Groups["name"].Value : SourceDocument.PromptName;
        var found = RequirementExtractor.Extract([new SourceDocument(name, text[(separator + Separator.Length)..])]);
        return JsonSerializer.Serialize(found.Select(r => new { text = r.Text, priority = r.Priority }));
    }

    // "Document: spec.md (part 1 of 3)", the line the reference agent puts above the text.
    [GeneratedRegex(@"^Document: (?<name>.+?) \(part \d+ of \d+\)\s*$", RegexOptions.Multiline)]
    private static partial Regex DocumentName();
}

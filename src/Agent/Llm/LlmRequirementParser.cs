using System.Text.Json;
using Cockpit.Agent.Requirements;

namespace Cockpit.Agent.Llm;

/// <summary>
/// Reads the JSON array of requirements out of an LLM answer. Models wrap JSON in prose or code fences and mix
/// strings with objects, so the parser takes the outermost array and accepts both shapes.
/// </summary>
public static class LlmRequirementParser
{
    /// <summary>(text, priority) pairs; priority falls back to the keyword rule, then medium.</summary>
    public static IReadOnlyList<(string Text, string Priority)> Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var start = content.IndexOf('[', StringComparison.Ordinal);
        var end = content.LastIndexOf(']');
        if (start < 0 || end <= start) throw new FormatException("the answer contains no JSON array");
        using var document = ParseArray(content[start..(end + 1)]);
        var items = new List<(string, string)>();
        foreach (var element in document.RootElement.EnumerateArray())
        {
            var (text, priority) = element.ValueKind switch
            {
                JsonValueKind.String => (element.GetString(), null),
                JsonValueKind.Object => (StringProperty(element, "text") ?? StringProperty(element, "requirement"), StringProperty(element, "priority")),
                _ => ((string?)null, (string?)null),
            };
            if (string.IsNullOrWhiteSpace(text)) continue;
            text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            var fallback = RequirementExtractor.PriorityOf(text) ?? RequirementPriorities.Medium;
            items.Add((text, RequirementPriorities.Normalize(priority, fallback)));
        }
        return items;
    }

    private static JsonDocument ParseArray(string json)
    {
        try
        {
            var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Array) return document;
            document.Dispose();
        }
        catch (JsonException e)
        {
            throw new FormatException($"the answer's array is not valid JSON: {e.Message}", e);
        }
        throw new FormatException("the answer contains no JSON array");
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

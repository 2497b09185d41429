using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cockpit.Storage.Tables;

/// <summary>
/// Keeps a browser page small: a long text or JSON cell (a prompt, an LLM response) is cut, so that 200 rows
/// cannot become megabytes. Whole values are one API call away (jobs, requirements, audit).
/// </summary>
public static class CellTrimmer
{
    /// <summary>Characters of a cell shown before it is cut.</summary>
    public const int MaxCellChars = 4000;

    /// <summary>Parses one row (a JSON object from <c>row_to_json</c>) and cuts its long cells.</summary>
    public static JsonObject TrimRow(string rowJson, int maxChars = MaxCellChars)
    {
        var row = JsonNode.Parse(rowJson) as JsonObject ?? throw new FormatException("a row must be a JSON object");
        foreach (var name in row.Select(p => p.Key).ToList())
        {
            var value = row[name];
            switch (value?.GetValueKind())
            {
                case JsonValueKind.String when value.GetValue<string>() is { } text && text.Length > maxChars:
                    row[name] = Cut(text, maxChars);
                    break;
                case JsonValueKind.Object or JsonValueKind.Array when value.ToJsonString() is { } json && json.Length > maxChars:
                    // The cut text is no longer valid JSON, so it is shown as a string.
                    row[name] = Cut(json, maxChars);
                    break;
            }
        }
        return row;
    }

    private static string Cut(string text, int maxChars) => text[..maxChars] + $"… ({text.Length} characters)";
}

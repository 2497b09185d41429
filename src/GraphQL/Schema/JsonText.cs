using System.Text.Json;

namespace Cockpit.GraphQL.Schema;

/// <summary>JSON stored as text (grain state, jsonb columns) as a value for the JSON scalar.</summary>
public static class JsonText
{
    /// <summary>Null or blank text is no value.</summary>
    public static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Counts are 64-bit in the stores and Int (32-bit) in the contract; none comes near the limit.</summary>
    public static int ToInt(long value) => (int)Math.Clamp(value, int.MinValue, int.MaxValue);
}

using System.Text.Json;

namespace Cockpit.Silo;

/// <summary>Grains and tables keep free-form JSON as text; responses embed it as JSON again, not as a string.</summary>
public static class RawJson
{
    public static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

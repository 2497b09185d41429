using System.Text.Json;
using Cockpit.Grains.Dispatch;

namespace Cockpit.Storage.ReadModel;

/// <summary>Labels and selectors as the read model stores them: a flat JSON object of strings.</summary>
public static class LabelsJson
{
    public static string Write(IReadOnlyDictionary<string, string>? labels) =>
        labels is null || labels.Count == 0 ? "{}" : JsonSerializer.Serialize(labels);

    public static LabelDictionary Read(string? json) =>
        string.IsNullOrEmpty(json) ? LabelDictionary.Empty : LabelDictionary.Of(JsonSerializer.Deserialize<Dictionary<string, string>>(json));
}

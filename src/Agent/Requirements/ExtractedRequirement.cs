using System.Text.Json.Serialization;

namespace Cockpit.Agent.Requirements;

/// <summary>One requirement as written to output/requirements.json and checkpoint.json.</summary>
public sealed record ExtractedRequirement(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("priority")] string Priority,
    [property: JsonPropertyName("source")] string Source);

using System.Text.Json.Serialization;

namespace Cockpit.Storage.Usage;

/// <summary>A job's usage of one model.</summary>
public sealed record ModelUsage(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("usage")] UsageFigures Usage);

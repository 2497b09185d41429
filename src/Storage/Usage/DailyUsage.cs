using System.Text.Json.Serialization;

namespace Cockpit.Storage.Usage;

/// <summary>The usage of one config, model or agent on one UTC day.</summary>
public sealed record DailyUsage(
    [property: JsonPropertyName("day")] DateOnly Day,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("usage")] UsageFigures Usage);

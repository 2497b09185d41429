using System.Text.Json.Serialization;

namespace Cockpit.Storage.Usage;

/// <summary>The usage of one config, model or agent over the window.</summary>
public sealed record UsageGroup(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("usage")] UsageFigures Usage);

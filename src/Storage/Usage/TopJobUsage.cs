using System.Text.Json.Serialization;

namespace Cockpit.Storage.Usage;

/// <summary>One of the costliest jobs with calls in the window (its whole usage, also calls before the window).</summary>
public sealed record TopJobUsage(
    [property: JsonPropertyName("job_id")] Guid JobId,
    [property: JsonPropertyName("config_name")] string ConfigName,
    [property: JsonPropertyName("usage")] UsageFigures Usage);

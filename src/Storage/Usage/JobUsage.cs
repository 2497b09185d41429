using System.Text.Json.Serialization;

namespace Cockpit.Storage.Usage;

/// <summary>A job's LLM usage as the roll-ups hold it: in total and per model, and when its first and last calls were.</summary>
public sealed record JobUsage(
    [property: JsonPropertyName("job_id")] Guid JobId,
    [property: JsonPropertyName("total")] UsageFigures Total,
    [property: JsonPropertyName("by_model")] IReadOnlyList<ModelUsage> ByModel,
    [property: JsonPropertyName("first_call_at")] DateTimeOffset? FirstCallAt,
    [property: JsonPropertyName("last_call_at")] DateTimeOffset? LastCallAt)
{
    public static JobUsage None(Guid jobId) => new(jobId, UsageFigures.Zero, [], null, null);
}

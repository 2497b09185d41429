using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cockpit.Protocol.Telemetry;

/// <summary>One audit entry as an agent sends it (snake_case on the wire).</summary>
public sealed record AuditItemRequest
{
    /// <summary>Optional client id (a UUID): resending an entry with the same id stores it once.</summary>
    [JsonPropertyName("id")]
    public Guid? Id { get; init; }

    [JsonPropertyName("job_id")]
    public Guid? JobId { get; init; }

    /// <summary>llm, tool, error, state or note.</summary>
    [JsonPropertyName("step_type")]
    public string? StepType { get; init; }

    /// <summary>ISO 8601 time of the step; without an offset it is taken as UTC.</summary>
    [JsonPropertyName("at")]
    public string? At { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("summary")]
    public string? Summary { get; init; }

    /// <summary>For LLM calls: <c>{model, messages, params}</c>. Any object.</summary>
    [JsonPropertyName("request")]
    public JsonElement? Request { get; init; }

    [JsonPropertyName("response")]
    public JsonElement? Response { get; init; }

    [JsonPropertyName("duration_ms")]
    public long? DurationMs { get; init; }

    [JsonPropertyName("tokens_in")]
    public int? TokensIn { get; init; }

    [JsonPropertyName("tokens_out")]
    public int? TokensOut { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }
}

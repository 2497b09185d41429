using System.Text.Json;

namespace Cockpit.Storage.Telemetry.Ingestion;

/// <summary>One audit entry as an agent sends it (snake_case on the wire).</summary>
public sealed class AuditItemRequest
{
    /// <summary>Optional client id (a UUID): resending an entry with the same id stores it once.</summary>
    public Guid? Id { get; set; }

    public Guid? JobId { get; set; }

    /// <summary>llm, tool, error, state or note.</summary>
    public string? StepType { get; set; }

    /// <summary>ISO 8601 time of the step; without an offset it is taken as UTC.</summary>
    public string? At { get; set; }

    public string? Name { get; set; }

    public string? Summary { get; set; }

    /// <summary>For LLM calls: <c>{model, messages, params}</c>. Any object.</summary>
    public JsonElement? Request { get; set; }

    public JsonElement? Response { get; set; }

    public long? DurationMs { get; set; }

    public int? TokensIn { get; set; }

    public int? TokensOut { get; set; }

    public string? Error { get; set; }
}

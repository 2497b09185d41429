using System.Text.Json;

namespace Cockpit.Storage.Telemetry.Audit;

/// <summary>
/// One step of an agent's audit trail, with its full payloads: for an LLM call, <see cref="Request"/> holds
/// <c>{model, messages, params}</c> and <see cref="Response"/> the provider's answer. This is the shape of
/// <c>GET /api/requests/{doc_id}</c>.
/// </summary>
/// <param name="Id">Chosen by the agent for idempotency, or by the silo when the agent sent none.</param>
/// <param name="StepType">One of <see cref="AuditStepTypes"/>.</param>
/// <param name="At">When the step happened, by the agent's clock (microsecond precision).</param>
public sealed record AuditEntry(
    Guid Id,
    Guid JobId,
    Guid AgentId,
    string StepType,
    DateTimeOffset At,
    string? Name,
    string? Summary,
    JsonElement? Request,
    JsonElement? Response,
    long? DurationMs,
    int? TokensIn,
    int? TokensOut,
    string? Error)
{
    /// <summary>The model named in the request (<c>request.model</c>), if any.</summary>
    public string? Model => ModelOf(Request);

    /// <summary>
    /// For an LLM call: its cost in USD, fixed at ingestion from the price in force then (see CostRules); null for an
    /// unpriced model and for every other step.
    /// </summary>
    public decimal? CostUsd { get; init; }

    public AuditEntrySummary ToSummary() => new(
        Id, JobId, AgentId, StepType, At, Name, Summary, Model, DurationMs, TokensIn, TokensOut, Error, Request is not null, Response is not null)
    {
        CostUsd = CostUsd,
    };

    internal static string? ModelOf(JsonElement? request) =>
        request is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String
            ? model.GetString()
            : null;
}

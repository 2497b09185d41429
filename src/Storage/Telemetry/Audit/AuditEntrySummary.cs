namespace Cockpit.Storage.Telemetry.Audit;

/// <summary>
/// An audit entry without its payloads, as listed by <c>GET /api/jobs/{id}/audit</c>: lists stay small, and the
/// request viewer fetches one entry's request and response by id.
/// </summary>
public sealed record AuditEntrySummary(
    Guid Id,
    Guid JobId,
    Guid AgentId,
    string StepType,
    DateTimeOffset At,
    string? Name,
    string? Summary,
    string? Model,
    long? DurationMs,
    int? TokensIn,
    int? TokensOut,
    string? Error,
    bool HasRequest,
    bool HasResponse)
{
    /// <summary>The LLM call's cost in USD as fixed at ingestion; null when unpriced or not an LLM call.</summary>
    public decimal? CostUsd { get; init; }
}

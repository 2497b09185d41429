using System.Text.Json;

namespace Cockpit.Agent.Telemetry;

/// <summary>One audit entry as sent to <c>POST /api/agents/{id}/telemetry</c> (snake_case, nulls left out).</summary>
public sealed record AuditItem(
    Guid Id,
    Guid JobId,
    string StepType,
    DateTimeOffset At,
    string? Name = null,
    string? Summary = null,
    JsonElement? Request = null,
    JsonElement? Response = null,
    long? DurationMs = null,
    int? TokensIn = null,
    int? TokensOut = null,
    string? Error = null);

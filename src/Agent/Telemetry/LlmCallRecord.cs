namespace Cockpit.Agent.Telemetry;

/// <summary>One chat-completions call, as seen by the telemetry seam.</summary>
public sealed record LlmCallRecord(
    Guid JobId,
    string Model,
    int PromptTokens,
    int CompletionTokens,
    TimeSpan Duration,
    bool Succeeded,
    string? Error);

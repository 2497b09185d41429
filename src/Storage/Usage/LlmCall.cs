namespace Cockpit.Storage.Usage;

/// <summary>One LLM call as the usage roll-ups count it.</summary>
/// <param name="Model">The model that answered (the answer's <c>model</c>), else the one asked for.</param>
/// <param name="CostUsd">Fixed at ingestion; null when the model has no price.</param>
/// <param name="RequestHash">Model and messages, hashed: the same request sent again hashes the same (runaway loops).</param>
public sealed record LlmCall(
    Guid AuditId,
    Guid JobId,
    Guid AgentId,
    string ConfigName,
    string Model,
    DateTimeOffset At,
    long TokensIn,
    long TokensOut,
    decimal? CostUsd,
    string RequestHash);

using System.Text.Json.Serialization;

namespace Cockpit.Storage.Usage;

/// <summary>A job's budget beside its usage (the same shape as the job's own <c>budget</c>).</summary>
public sealed record UsageBudget(
    [property: JsonPropertyName("max_cost_usd")] decimal? MaxCostUsd,
    [property: JsonPropertyName("max_tokens")] long? MaxTokens);

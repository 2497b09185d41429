using System.Text.Json.Serialization;
using Cockpit.Grains.Budgets;

namespace Cockpit.Storage.Usage;

/// <summary>
/// A job's LLM usage as the roll-ups hold it: in total and per model, when its first and last calls were, and — once
/// <see cref="WithBudget"/> gave it the job's budget — that budget and the share of each limit used.
/// </summary>
public sealed record JobUsage(
    [property: JsonPropertyName("job_id")] Guid JobId,
    [property: JsonPropertyName("total")] UsageFigures Total,
    [property: JsonPropertyName("by_model")] IReadOnlyList<ModelUsage> ByModel,
    [property: JsonPropertyName("first_call_at")] DateTimeOffset? FirstCallAt,
    [property: JsonPropertyName("last_call_at")] DateTimeOffset? LastCallAt)
{
    /// <summary>The job's budget; null: no limit.</summary>
    [JsonPropertyName("budget")]
    public UsageBudget? Budget { get; init; }

    /// <summary>The fraction of each set limit used (<see cref="BudgetRules.ShareUsed"/>); null: no budget.</summary>
    [JsonPropertyName("share_used")]
    public UsageShare? ShareUsed { get; init; }

    public static JobUsage None(Guid jobId) => new(jobId, UsageFigures.Zero, [], null, null);

    /// <summary>This usage judged against <paramref name="budget"/>: the one place REST, GraphQL and MCP get the share from.</summary>
    public JobUsage WithBudget(JobBudget? budget) =>
        BudgetRules.ShareUsed(budget, new BudgetUse(Total.CostUsd, Total.Tokens)) is { } share
            ? this with { Budget = new UsageBudget(budget!.MaxCostUsd, budget.MaxTokens), ShareUsed = new UsageShare(share.Cost, share.Tokens) }
            : this with { Budget = null, ShareUsed = null };
}

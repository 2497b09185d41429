using Cockpit.Grains.Budgets;

namespace Cockpit.Silo.Jobs;

/// <summary>A job's LLM budget as REST shows it: <c>{"max_cost_usd": number|null, "max_tokens": integer|null}</c>.</summary>
public sealed record JobBudgetResponse
{
    public decimal? MaxCostUsd { get; init; }
    public long? MaxTokens { get; init; }

    public static JobBudgetResponse? From(JobBudget? budget) => budget is null ? null : new() { MaxCostUsd = budget.MaxCostUsd, MaxTokens = budget.MaxTokens };
}

using Cockpit.Grains.Budgets;

namespace Cockpit.Commands.Jobs;

/// <summary>Checks a budget field by field; problems are keyed by REST field name, with a prefix where the budget is nested.</summary>
public static class BudgetValidator
{
    /// <summary>Largest token limit accepted: a trillion, far past any job, still exact everywhere it is stored.</summary>
    public const long MaxTokens = 1_000_000_000_000;

    /// <summary>Cost limits are kept to a billionth of a dollar, like costs (CostRules.Decimals).</summary>
    public const int MaxCostDecimals = 9;

    /// <param name="prefix">"budget." inside a job submission, "" for the budget endpoint's own body.</param>
    /// <returns>The budget (null when <paramref name="input"/> is null or sets no limit); check <paramref name="errors"/>.</returns>
    public static JobBudget? Validate(BudgetInput? input, string prefix, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(errors);
        if (input is null) return null;
        if (input.MaxCostUsd is { } cost)
        {
            if (cost <= 0 || cost > BudgetOptions.MaxCostUsd)
                errors[prefix + "max_cost_usd"] = [$"must be more than 0 and at most {BudgetOptions.MaxCostUsd}"];
            else if (decimal.Round(cost, MaxCostDecimals) != cost)
                errors[prefix + "max_cost_usd"] = [$"must have at most {MaxCostDecimals} decimal places"];
        }
        if (input.MaxTokens is { } tokens && (tokens < 1 || tokens > MaxTokens))
            errors[prefix + "max_tokens"] = [$"must be from 1 to {MaxTokens}"];
        var budget = new JobBudget(input.MaxCostUsd, input.MaxTokens);
        return budget.IsEmpty ? null : budget;
    }
}

using System.Globalization;
using Cockpit.Grains.Usage;

namespace Cockpit.Grains.Budgets;

/// <summary>
/// A job's use against its budget. Pure, so the grain and the tests share one rule: past a limit (strictly more than
/// it) the job is stopped; from <see cref="WarningShare"/> of a limit on it is warned. Cost is looked at before tokens,
/// so a job past both reads as past its dollars, the limit people set most. Unpriced calls cost nothing known: a cost
/// limit cannot stop them, a token limit can.
/// </summary>
public static class BudgetRules
{
    /// <summary>The share of a limit at which the job is warned: 80 %.</summary>
    public const decimal WarningShare = 0.8m;

    public static BudgetCheck Check(JobBudget? budget, BudgetUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        if (budget is null || budget.IsEmpty) return BudgetCheck.None;

        if (budget.MaxCostUsd is { } maxCost && use.CostUsd is { } cost && cost > maxCost)
            return new BudgetCheck(BudgetVerdict.Exceeded, Share(cost, maxCost), $"budget exceeded: {UsdText.Format(cost)} of {UsdText.Format(maxCost)}");
        if (budget.MaxTokens is { } maxTokens && use.Tokens > maxTokens)
            return new BudgetCheck(BudgetVerdict.Exceeded, Share(use.Tokens, maxTokens), $"budget exceeded: {Tokens(use.Tokens)} of {Tokens(maxTokens)} tokens");

        var (costShare, tokenShare) = ShareUsed(budget, use)!;
        var share = Max(costShare, tokenShare);
        if (share is not { } used || used < WarningShare) return new BudgetCheck(BudgetVerdict.Within, share, null);

        var message = costShare is { } c && c >= WarningShare
            ? $"budget warning: {Percent(c)} used ({UsdText.Format(use.CostUsd!.Value)} of {UsdText.Format(budget.MaxCostUsd!.Value)})"
            : $"budget warning: {Percent(tokenShare!.Value)} used ({Tokens(use.Tokens)} of {Tokens(budget.MaxTokens!.Value)} tokens)";
        return new BudgetCheck(BudgetVerdict.Warning, used, message);
    }

    /// <summary>The share of each set limit that <paramref name="use"/> takes; null when there is no budget.</summary>
    public static BudgetShare? ShareUsed(JobBudget? budget, BudgetUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        if (budget is null || budget.IsEmpty) return null;
        return new BudgetShare(
            budget.MaxCostUsd is { } limit && use.CostUsd is { } spent ? Share(spent, limit) : null,
            budget.MaxTokens is { } tokenLimit ? Share(use.Tokens, tokenLimit) : null);
    }

    // A zero limit is refused at input; a stored one (or one from an older build) is simply "all used".
    private static decimal Share(decimal used, decimal limit) => limit <= 0 ? (used > 0 ? decimal.MaxValue : 1m) : used / limit;

    private static decimal? Max(decimal? a, decimal? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static string Percent(decimal share) =>
        Math.Floor(Math.Min(share, 10m) * 100m).ToString("0", CultureInfo.InvariantCulture) + " %";

    private static string Tokens(long tokens) => tokens.ToString(CultureInfo.InvariantCulture);
}

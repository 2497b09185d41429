namespace Cockpit.Grains.Budgets;

/// <summary>The outcome of <see cref="BudgetRules.Check"/>.</summary>
/// <param name="ShareUsed">The larger share of the two limits used (1.0 = all of it); null without a budget, or when
/// nothing a limit counts is known (a cost limit and only unpriced calls).</param>
/// <param name="Message">For a warning and an excess: what people read ("budget exceeded: $1.04 of $1.00").</param>
public sealed record BudgetCheck(BudgetVerdict Verdict, decimal? ShareUsed, string? Message)
{
    public static BudgetCheck None { get; } = new(BudgetVerdict.Within, null, null);
}

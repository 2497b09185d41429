namespace Cockpit.Grains.Budgets;

/// <summary>What a job has used so far: its cost (null when nothing it used had a price) and its tokens.</summary>
public sealed record BudgetUse(decimal? CostUsd, long Tokens);

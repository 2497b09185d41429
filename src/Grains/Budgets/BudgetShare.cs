namespace Cockpit.Grains.Budgets;

/// <summary>
/// How much of each limit a job has used, as a fraction (1 is all of it; past 1, over budget). A share is null when its
/// limit is not set, or when the cost is unknown (every call unpriced), so "unknown" never reads as 0 %.
/// </summary>
public sealed record BudgetShare(decimal? Cost, decimal? Tokens);

namespace Cockpit.Commands.Jobs;

/// <summary>
/// A job budget as a client sends it, unchecked: <c>{"max_cost_usd": number?, "max_tokens": integer?}</c> (the body of
/// <c>PUT /api/jobs/{id}/budget</c>, the <c>budget</c> of <c>POST /api/jobs</c>, GraphQL's <c>JobBudgetInput</c>).
/// </summary>
public sealed record BudgetInput
{
    public decimal? MaxCostUsd { get; init; }
    public long? MaxTokens { get; init; }
}

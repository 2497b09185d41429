using Cockpit.Storage.Usage;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Usage;

/// <summary><c>BudgetShare</c>: the fraction of each budget limit a job has used (REST's <c>share_used</c>).</summary>
public sealed class UsageShareGraphType : ObjectGraphType<UsageShare>
{
    public UsageShareGraphType()
    {
        Name = "BudgetShare";
        Description = "The fraction of each budget limit a job has used (REST's `share_used`).";
        Field<FloatGraphType>("cost").Description("Cost used ÷ maxCostUsd (1: all of it, past 1: over); null: no dollar limit, or the cost is unknown (every call unpriced).")
            .Resolve(c => c.Source.Cost is { } share ? (double)share : null);
        Field<FloatGraphType>("tokens").Description("Tokens used ÷ maxTokens; null: no token limit.")
            .Resolve(c => c.Source.Tokens is { } share ? (double)share : null);
    }
}

using Cockpit.Storage.Usage;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Usage;

/// <summary><c>UsageFigures</c>: calls, tokens and cost; <c>costUsd</c> is null when every call was unpriced (never 0 for "unknown").</summary>
public sealed class UsageFiguresGraphType : ObjectGraphType<UsageFigures>
{
    public UsageFiguresGraphType()
    {
        Name = "UsageFigures";
        // Float, not Int: counts of tokens outgrow GraphQL's 32-bit Int.
        Field<NonNullGraphType<FloatGraphType>>("calls").Resolve(c => (double)c.Source.Calls);
        Field<NonNullGraphType<FloatGraphType>>("unpricedCalls").Resolve(c => (double)c.Source.UnpricedCalls);
        Field<NonNullGraphType<FloatGraphType>>("tokensIn").Resolve(c => (double)c.Source.TokensIn);
        Field<NonNullGraphType<FloatGraphType>>("tokensOut").Resolve(c => (double)c.Source.TokensOut);
        Field<NonNullGraphType<FloatGraphType>>("tokens").Resolve(c => (double)c.Source.Tokens);
        Field<FloatGraphType>("costUsd").Resolve(c => c.Source.CostUsd is { } cost ? (double)cost : null);
    }
}

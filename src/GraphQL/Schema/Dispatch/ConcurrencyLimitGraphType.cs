using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Dispatch;

public sealed class ConcurrencyLimitGraphType : ObjectGraphType<ConcurrencyLimit>
{
    public ConcurrencyLimitGraphType()
    {
        Name = "ConcurrencyLimit";
        Description = "At most `limit` jobs of the concurrency key `key` run at once (0 holds them all).";
        Field<NonNullGraphType<StringGraphType>>("key").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<IntGraphType>>("limit").Resolve(c => c.Source.Limit);
    }
}

using Cockpit.Storage.Usage;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Usage;

public sealed class UsageGroupGraphType : ObjectGraphType<UsageGroup>
{
    public UsageGroupGraphType()
    {
        Name = "UsageGroup";
        Field<NonNullGraphType<StringGraphType>>("key").Description("The config name, model or agent id.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<UsageFiguresGraphType>>("usage").Resolve(c => c.Source.Usage);
    }
}

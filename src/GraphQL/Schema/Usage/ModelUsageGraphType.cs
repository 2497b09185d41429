using Cockpit.Storage.Usage;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Usage;

public sealed class ModelUsageGraphType : ObjectGraphType<ModelUsage>
{
    public ModelUsageGraphType()
    {
        Name = "ModelUsage";
        Field<NonNullGraphType<StringGraphType>>("model").Resolve(c => c.Source.Model);
        Field<NonNullGraphType<UsageFiguresGraphType>>("usage").Resolve(c => c.Source.Usage);
    }
}

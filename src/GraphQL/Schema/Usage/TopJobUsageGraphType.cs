using Cockpit.GraphQL.Schema.Errors;
using Cockpit.Storage.Usage;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Usage;

public sealed class TopJobUsageGraphType : ObjectGraphType<TopJobUsage>
{
    public TopJobUsageGraphType()
    {
        Name = "TopJobUsage";
        Field<NonNullGraphType<IdGraphType>>("jobId").Resolve(c => Ids.ToId(c.Source.JobId));
        Field<NonNullGraphType<StringGraphType>>("configName").Resolve(c => c.Source.ConfigName);
        Field<NonNullGraphType<UsageFiguresGraphType>>("usage").Resolve(c => c.Source.Usage);
    }
}

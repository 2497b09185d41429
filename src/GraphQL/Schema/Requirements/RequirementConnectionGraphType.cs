using Cockpit.GraphQL.Schema.Paging;
using Cockpit.Storage.Telemetry.Requirements;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Requirements;

public sealed class RequirementConnectionGraphType : ObjectGraphType<Connection<RequirementRecord>>
{
    public RequirementConnectionGraphType()
    {
        Name = "RequirementConnection";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Resolve(c => JsonText.ToInt(c.Source.TotalCount));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RequirementGraphType>>>>("nodes").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => c.Source.PageInfo);
    }
}

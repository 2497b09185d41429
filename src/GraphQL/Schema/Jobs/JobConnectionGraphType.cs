using Cockpit.Commands.Jobs;
using Cockpit.GraphQL.Schema.Paging;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Jobs;

public sealed class JobConnectionGraphType : ObjectGraphType<Connection<JobView>>
{
    public JobConnectionGraphType()
    {
        Name = "JobConnection";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Resolve(c => JsonText.ToInt(c.Source.TotalCount));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<JobGraphType>>>>("nodes").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => c.Source.PageInfo);
    }
}

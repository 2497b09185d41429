using Cockpit.GraphQL.Schema.Paging;
using Cockpit.Storage.Telemetry.Audit;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Audit;

public sealed class AuditConnectionGraphType : ObjectGraphType<Connection<AuditEntrySummary>>
{
    public AuditConnectionGraphType()
    {
        Name = "AuditConnection";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Resolve(c => JsonText.ToInt(c.Source.TotalCount));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryGraphType>>>>("nodes").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => c.Source.PageInfo);
    }
}

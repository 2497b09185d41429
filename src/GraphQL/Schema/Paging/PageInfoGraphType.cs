using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Paging;

public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
        Field<StringGraphType>("endCursor")
            .Description("Opaque cursor of the last item of this page; pass it as `after` for the next page.")
            .Resolve(c => c.Source.EndCursor);
    }
}

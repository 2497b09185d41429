using Cockpit.Storage.Workspace;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Workspace;

public sealed class TodoGraphType : ObjectGraphType<TodoEntry>
{
    public TodoGraphType()
    {
        Name = "Todo";
        Field<NonNullGraphType<StringGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("content").Resolve(c => c.Source.Content);
        Field<NonNullGraphType<StringGraphType>>("status").Resolve(c => c.Source.Status);
    }
}

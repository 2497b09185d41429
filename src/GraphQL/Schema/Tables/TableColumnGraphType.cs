using Cockpit.Storage.Tables;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Tables;

public sealed class TableColumnGraphType : ObjectGraphType<TableColumn>
{
    public TableColumnGraphType()
    {
        Name = "TableColumn";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("type").Resolve(c => c.Source.Type);
    }
}

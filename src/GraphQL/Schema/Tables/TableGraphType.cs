using Cockpit.Storage.Tables;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Tables;

/// <summary>A browsable table (REST <c>/api/tables</c>); large tables show the planner's row estimate.</summary>
public sealed class TableGraphType : ObjectGraphType<TableInfo>
{
    public TableGraphType()
    {
        Name = "Table";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<FloatGraphType>>("rowCount").Resolve(c => (double)c.Source.RowCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TableColumnGraphType>>>>("columns").Resolve(c => c.Source.Columns);
    }
}

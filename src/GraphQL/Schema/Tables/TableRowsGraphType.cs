using Cockpit.GraphQL.Schema.Scalars;
using Cockpit.Storage.Tables;
using GraphQL.Types;

namespace Cockpit.GraphQL.Schema.Tables;

/// <summary>A page of a table's rows in primary-key order (REST <c>/api/tables/{name}</c>).</summary>
public sealed class TableRowsGraphType : ObjectGraphType<TablePage>
{
    public TableRowsGraphType()
    {
        Name = "TableRows";
        Field<NonNullGraphType<StringGraphType>>("table").Resolve(c => c.Source.Table.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TableColumnGraphType>>>>("columns").Resolve(c => c.Source.Table.Columns);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<JsonGraphType>>>>("rows").Resolve(c => c.Source.Rows);
        Field<NonNullGraphType<FloatGraphType>>("total").Resolve(c => (double)c.Source.Total);
        Field<NonNullGraphType<IntGraphType>>("offset").Resolve(c => c.Source.Offset);
        Field<NonNullGraphType<IntGraphType>>("limit").Resolve(c => c.Source.Limit);
    }
}

using System.Text.Json.Nodes;
using Cockpit.Storage.Tables;

namespace Cockpit.Silo.Tables;

/// <summary><c>GET /api/tables/{name}</c>: a page of rows in primary-key order; long cells are cut (see <see cref="CellTrimmer"/>).</summary>
public sealed record TablePageResponse(
    string Table,
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<JsonObject> Rows,
    long Total,
    bool TotalExact,
    int Offset,
    int Limit)
{
    public static TablePageResponse From(TablePage page) =>
        new(page.Table.Name, page.Table.Columns, page.Rows, page.Total, page.Table.RowCountExact, page.Offset, page.Limit);
}

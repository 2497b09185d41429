using Cockpit.Storage.Tables;

namespace Cockpit.Silo.Tables;

/// <summary>One browsable table in <c>GET /api/tables</c>.</summary>
/// <param name="RowCountExact">False when <paramref name="RowCount"/> is PostgreSQL's estimate (a large table).</param>
public sealed record TableSummaryResponse(
    string Name,
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<string> PrimaryKey,
    long RowCount,
    bool RowCountExact)
{
    public static TableSummaryResponse From(TableInfo table) =>
        new(table.Name, table.Columns, table.PrimaryKey, table.RowCount, table.RowCountExact);
}

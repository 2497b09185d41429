namespace Cockpit.Storage.Tables;

/// <summary>A browsable table: its columns in order, the key rows are ordered by, and how many rows it has.</summary>
/// <param name="PrimaryKey">Key columns in key order; empty for a table without one (rows then order by every column).</param>
/// <param name="RowCountExact">False when <paramref name="RowCount"/> is the planner's estimate (a large table).</param>
public sealed record TableInfo(
    string Name,
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<string> PrimaryKey,
    long RowCount,
    bool RowCountExact);

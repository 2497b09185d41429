using System.Text.Json.Nodes;

namespace Cockpit.Storage.Tables;

/// <summary>A page of a table's rows in primary-key order; each row maps column names to JSON values.</summary>
/// <param name="Total">The table's row count (see <see cref="TableInfo.RowCountExact"/>).</param>
public sealed record TablePage(TableInfo Table, IReadOnlyList<JsonObject> Rows, long Total, int Offset, int Limit);

using Npgsql;
using NpgsqlTypes;

namespace Cockpit.Storage.Tables;

/// <summary>
/// Read-only browsing of an allow-list of tables. A table name from a request is only ever looked up in the list;
/// the SQL names the table as the catalog spells it, quoted (<see cref="SqlIdentifier"/>), and everything else
/// (offset, limit, names to look up) is a parameter. Reads run in a read-only transaction with a statement timeout.
/// </summary>
public sealed class TableBrowser
{
    /// <summary>Rows per page when the caller does not say.</summary>
    public const int DefaultLimit = 50;

    /// <summary>Most rows one page returns.</summary>
    public const int MaxLimit = 200;

    /// <summary>Below this many estimated rows a table is counted exactly; above, the planner's estimate is shown.</summary>
    public const long ExactCountBelow = 100_000;

    /// <summary>A browser read taking longer than this is cancelled by PostgreSQL rather than loading the database.</summary>
    public const int StatementTimeoutMilliseconds = 10_000;

    // Columns of every allowed table in the current schema, with each column's place in the primary key (if any).
    private const string CatalogSql = """
        SELECT c.relname, c.reltuples::bigint, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
               array_position(i.indkey::int2[], a.attnum) AS key_position
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname = ANY($1)
        ORDER BY c.relname, a.attnum
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly HashSet<string> _allowed;

    /// <param name="allowList">Tables that may be shown; null means <see cref="BrowsableTables.Default"/>.
    /// Names that <see cref="BrowsableTables.IsForbidden"/> are dropped.</param>
    public TableBrowser(NpgsqlDataSource dataSource, IEnumerable<string>? allowList = null)
    {
        _dataSource = dataSource;
        _allowed = (allowList ?? BrowsableTables.Default)
            .Where(n => !string.IsNullOrWhiteSpace(n) && !BrowsableTables.IsForbidden(n))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>True when <paramref name="name"/> is on the allow-list (exact spelling). No SQL runs.</summary>
    public bool IsAllowed(string? name) => name is not null && _allowed.Contains(name);

    /// <summary>The allowed tables that exist, by name.</summary>
    public async Task<IReadOnlyList<TableInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginReadOnlyAsync(connection, cancellationToken);
        var tables = await DescribeAsync(connection, transaction, [.. _allowed], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return tables;
    }

    /// <summary>
    /// Rows <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="limit"/> of the table in primary-key
    /// order; null when the table is not allowed or does not exist (then no SQL touched any table).
    /// </summary>
    /// <param name="limit">1 to <see cref="MaxLimit"/>.</param>
    /// <param name="offset">0 or more.</param>
    public async Task<TablePage?> PageAsync(string name, int offset = 0, int limit = DefaultLimit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        if (!IsAllowed(name)) return null;

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginReadOnlyAsync(connection, cancellationToken);
        var described = await DescribeAsync(connection, transaction, [name], cancellationToken);
        if (described is not [var table]) return null;

        // The catalog's spelling of the names, quoted: never the request's text.
        var order = table.PrimaryKey.Count > 0 ? table.PrimaryKey : table.Columns.Select(c => c.Name).ToList();
        var sql = $"SELECT row_to_json(t)::text FROM {SqlIdentifier.Quote(table.Name)} AS t " +
                  $"ORDER BY {string.Join(", ", order.Select(c => "t." + SqlIdentifier.Quote(c)))} LIMIT $1 OFFSET $2";
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)offset, NpgsqlDbType = NpgsqlDbType.Bigint });

        var rows = new List<System.Text.Json.Nodes.JsonObject>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) rows.Add(CellTrimmer.TrimRow(reader.GetString(0)));
        }
        await transaction.CommitAsync(cancellationToken);
        return new TablePage(table, rows, table.RowCount, offset, limit);
    }

    private static async Task<NpgsqlTransaction> BeginReadOnlyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Read-only whatever the SQL says; timestamps as UTC in the JSON rows; no browser read may run long.
        await using var setup = new NpgsqlCommand(
            $"SET TRANSACTION READ ONLY; SET LOCAL TimeZone = 'UTC'; SET LOCAL statement_timeout = {StatementTimeoutMilliseconds}",
            connection, transaction);
        await setup.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    private static async Task<IReadOnlyList<TableInfo>> DescribeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string[] names, CancellationToken cancellationToken)
    {
        var found = new List<(string Name, long Estimate, List<TableColumn> Columns, List<(int Position, string Column)> Key)>();
        await using (var command = new NpgsqlCommand(CatalogSql, connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = names, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var table = reader.GetString(0);
                if (found.Count == 0 || found[^1].Name != table) found.Add((table, reader.GetInt64(1), [], []));
                var column = reader.GetString(2);
                found[^1].Columns.Add(new TableColumn(column, reader.GetString(3), reader.GetBoolean(4)));
                if (!reader.IsDBNull(5)) found[^1].Key.Add((reader.GetInt32(5), column));
            }
        }

        var tables = new List<TableInfo>(found.Count);
        foreach (var (name, estimate, columns, key) in found)
        {
            // reltuples is -1 before the first ANALYZE: unknown, so count.
            var exact = estimate < ExactCountBelow;
            var count = estimate;
            if (exact)
            {
                await using var counting = new NpgsqlCommand($"SELECT count(*) FROM {SqlIdentifier.Quote(name)}", connection, transaction);
                count = (long)(await counting.ExecuteScalarAsync(cancellationToken))!;
            }
            tables.Add(new TableInfo(name, columns, key.OrderBy(k => k.Position).Select(k => k.Column).ToList(), count, exact));
        }
        return tables;
    }
}

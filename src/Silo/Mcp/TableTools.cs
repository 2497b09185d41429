using System.ComponentModel;
using Cockpit.Silo.Tables;
using Cockpit.Storage.Tables;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Cockpit.Silo.Mcp;

/// <summary>
/// The read-only database browser (<see cref="TableBrowser"/>, as REST's <c>/api/tables</c>): only allow-listed tables,
/// parameterised SQL, capped pages. No free-form SQL ever runs.
/// </summary>
[McpServerToolType]
public sealed class TableTools(TableBrowser browser)
{
    [McpServerTool(Name = McpToolNames.QueryTable, Title = "Browse a database table", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Reads the cockpit's database, read-only. Without 'table': the browsable tables with their columns, primary key and " +
        "row count (GET /api/tables). With 'table': a page of its rows in primary-key order, long cells cut " +
        "(GET /api/tables/{name}): {table, columns, rows, total, total_exact, offset, limit}. Only allow-listed tables can be " +
        "read (the read model and the telemetry tables, e.g. jobs, agents, audit_entries); no SQL can be given.")]
    public async Task<CallToolResult> QueryTableAsync(
        [Description("The table to read, e.g. jobs. Absent: list the browsable tables instead.")]
        string? table = null,
        [Description("Rows to skip, 0 or more.")]
        int offset = 0,
        [Description("Rows to return, 1 to 200.")]
        int limit = McpLimits.DefaultTableRows,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(table))
        {
            return ToolResults.Json((await browser.ListAsync(cancellationToken)).Select(TableSummaryResponse.From).ToArray());
        }
        var errors = new Dictionary<string, string[]>();
        ToolArguments.InRange(offset, "offset", 0, int.MaxValue, errors);
        ToolArguments.InRange(limit, "limit", 1, McpLimits.MaxTableRows, errors);
        if (errors.Count > 0) return ToolResults.Invalid(errors);
        var page = await browser.PageAsync(table, offset, limit, cancellationToken);
        return page is null
            ? ToolResults.Error($"no browsable table named '{(table.Length <= 64 ? table : table[..64] + "…")}'; " +
                $"the browsable tables are: {string.Join(", ", (await browser.ListAsync(cancellationToken)).Select(t => t.Name))}")
            : ToolResults.Json(TablePageResponse.From(page));
    }
}

namespace Cockpit.Silo.Mcp;

/// <summary>
/// Page sizes of the MCP tools. A model reads every byte it is given, so the defaults are smaller than REST's; the
/// caps are never above the stores' own.
/// </summary>
public static class McpLimits
{
    /// <summary><c>list_jobs</c>: 20 by default, at most 100.</summary>
    public const int DefaultJobs = 20;
    public const int MaxJobs = 100;

    /// <summary><c>get_job_audit</c>: 50 entries by default, at most 200.</summary>
    public const int DefaultAuditEntries = 50;
    public const int MaxAuditEntries = 200;

    /// <summary><c>get_chat_history</c>: 100 messages by default, at most 500.</summary>
    public const int DefaultChatMessages = 100;
    public const int MaxChatMessages = 500;

    /// <summary><c>get_graph_changes</c>: 200 deltas by default, at most 1000.</summary>
    public const int DefaultGraphDeltas = 200;
    public const int MaxGraphDeltas = 1000;

    /// <summary><c>query_table</c>: 20 rows by default, at most 200 (the table browser's cap).</summary>
    public const int DefaultTableRows = 20;
    public const int MaxTableRows = Storage.Tables.TableBrowser.MaxLimit;

    /// <summary><c>list_queues</c>: no pending jobs unless asked for, at most 100.</summary>
    public const int MaxPendingJobs = 100;
}

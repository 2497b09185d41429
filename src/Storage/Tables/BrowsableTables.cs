namespace Cockpit.Storage.Tables;

/// <summary>
/// The tables the database browser may show. Nothing outside this list is ever read, whatever a request names:
/// the Orleans tables, DbUp's journal and the read model's tombstones stay hidden. A listed table that does not
/// exist (an optional store's migration not applied) is simply not shown.
/// </summary>
public static class BrowsableTables
{
    /// <summary>
    /// The read model (0005), then the telemetry tables (0010: requirements, audit trail, graph mutations), then the
    /// LLM usage roll-ups and their ledger of counted calls (0040). Add a table here when a migration adds one people
    /// should see.
    /// </summary>
    public static readonly IReadOnlyList<string> Default =
    [
        "agents",
        "jobs",
        "job_timeline",
        "requirements",
        "audit_entries",
        "graph_mutations",
        "llm_usage_daily",
        "llm_usage_jobs",
        "llm_usage_job_totals",
        "llm_calls",
    ];

    /// <summary>
    /// Never browsable, even if someone adds them to a list: provider internals, bookkeeping, and credentials (the
    /// cookie key ring forges sessions; token digests are no secrets, but nobody needs to see them).
    /// </summary>
    public static bool IsForbidden(string name) =>
        name.StartsWith("orleans", StringComparison.OrdinalIgnoreCase)
        || name.Equals("data_protection_keys", StringComparison.OrdinalIgnoreCase)
        || name.Equals("api_tokens", StringComparison.OrdinalIgnoreCase)
        || name.Equals("schemaversions", StringComparison.OrdinalIgnoreCase)
        || name.Contains("tombstone", StringComparison.OrdinalIgnoreCase);
}

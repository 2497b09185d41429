namespace Cockpit.Silo.Mcp;

/// <summary>The tools' names: a contract with MCP clients (and the names an access rule would refer to).</summary>
public static class McpToolNames
{
    public const string ListJobs = "list_jobs";
    public const string GetJob = "get_job";
    public const string ListAgents = "list_agents";
    public const string GetJobAudit = "get_job_audit";
    public const string GetChatHistory = "get_chat_history";
    public const string GetLlmRequest = "get_llm_request";
    public const string GetTodos = "get_todos";
    public const string GetGraphChanges = "get_graph_changes";
    public const string GetStats = "get_stats";
    public const string GetUsage = "get_usage";
    public const string QueryTable = "query_table";
    public const string ListQueues = "list_queues";
}

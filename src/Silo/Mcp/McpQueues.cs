using Cockpit.Silo.Dispatch;

namespace Cockpit.Silo.Mcp;

/// <summary><c>list_queues</c>: the figures of <c>/api/queues</c> and the first jobs of <c>/api/queues/pending</c>.</summary>
public sealed record McpQueues(QueueResponse[] Queues, PendingJobResponse[] Pending);

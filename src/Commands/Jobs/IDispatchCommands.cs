using Cockpit.Grains.Dispatch;
using Cockpit.Storage.Dispatch;

namespace Cockpit.Commands.Jobs;

/// <summary>The queue's commands and views behind REST, GraphQL and MCP: concurrency limits, queue figures, the pending
/// jobs in dispatch order and a job's waiting reason.</summary>
public interface IDispatchCommands
{
    Task<IReadOnlyDictionary<string, int>> GetLimitsAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets a key's limit (0..<see cref="DispatchLimits.MaxConcurrencyLimit"/>); errors keyed by REST field name.</summary>
    Task<IReadOnlyDictionary<string, string[]>?> SetLimitAsync(string key, int? limit, CancellationToken cancellationToken = default);

    /// <summary>False when the key had no limit.</summary>
    Task<bool> RemoveLimitAsync(string key, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<QueueFigures>> GetQueuesAsync(CancellationToken cancellationToken = default);

    /// <summary>Pending jobs in dispatch order, of one queue (a config name, or "any" for jobs without one) or all.</summary>
    Task<IReadOnlyList<PendingJob>> GetPendingAsync(string? queue, int limit, CancellationToken cancellationToken = default);

    /// <summary>Why a pending job waits; null when it is not pending.</summary>
    Task<string?> GetWaitingReasonAsync(Guid jobId, CancellationToken cancellationToken = default);
}

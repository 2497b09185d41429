using System.Collections.Concurrent;
using Cockpit.Commands.Jobs;
using Cockpit.Grains.Dispatch;
using Cockpit.Storage.Dispatch;

namespace Cockpit.GraphQL.Tests.Schema;

/// <summary>The queue's commands with scripted answers; limits are kept and checked by the real key and limit rules.</summary>
public sealed class FakeDispatchCommands : IDispatchCommands
{
    public ConcurrentDictionary<string, int> Limits { get; } = new(StringComparer.Ordinal);

    public List<QueueFigures> Queues { get; } = [];

    public List<PendingJob> Pending { get; } = [];

    public ConcurrentDictionary<Guid, string> WaitingReasons { get; } = new();

    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>What the next limit change is refused with (the real rules are Commands.Tests' business).</summary>
    public IReadOnlyDictionary<string, string[]>? LimitErrors { get; set; }

    public Task<IReadOnlyDictionary<string, int>> GetLimitsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>(Limits));

    public Task<IReadOnlyDictionary<string, string[]>?> SetLimitAsync(string key, int? limit, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue($"set {key} {limit}");
        if (LimitErrors is { } errors) return Task.FromResult<IReadOnlyDictionary<string, string[]>?>(errors);
        Limits[key] = limit!.Value;
        return Task.FromResult<IReadOnlyDictionary<string, string[]>?>(null);
    }

    public Task<bool> RemoveLimitAsync(string key, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue($"remove {key}");
        return Task.FromResult(Limits.TryRemove(key, out _));
    }

    public Task<IReadOnlyList<QueueFigures>> GetQueuesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<QueueFigures>>([.. Queues]);

    public Task<IReadOnlyList<PendingJob>> GetPendingAsync(string? queue, int limit, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue($"pending {queue ?? "(all)"} {limit}");
        return Task.FromResult<IReadOnlyList<PendingJob>>([.. Pending.Take(limit)]);
    }

    public Task<string?> GetWaitingReasonAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue($"reason {jobId}");
        return Task.FromResult(WaitingReasons.TryGetValue(jobId, out var reason) ? reason : null);
    }
}

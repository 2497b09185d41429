using Cockpit.Grains.Dispatch;
using Cockpit.Storage.Dispatch;

namespace Cockpit.Commands.Jobs;

/// <summary>The queue's commands once for every front door (see <see cref="IDispatchCommands"/>).</summary>
public sealed class DispatchCommandService(IGrainFactory grains, QueueStatistics statistics, TimeProvider clock) : IDispatchCommands
{
    private IDispatcherGrain Dispatcher => grains.GetGrain<IDispatcherGrain>(IDispatcherGrain.Key);

    public Task<IReadOnlyDictionary<string, int>> GetLimitsAsync(CancellationToken cancellationToken = default) => Dispatcher.GetLimitsAsync();

    public async Task<IReadOnlyDictionary<string, string[]>?> SetLimitAsync(string key, int? limit, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (DispatchValidator.ConcurrencyKeyProblem(key) is { } keyProblem) errors["key"] = [keyProblem];
        if (limit is null) errors["limit"] = ["is required"];
        else if (limit < 0 || limit > DispatchLimits.MaxConcurrencyLimit) errors["limit"] = [$"must be from 0 to {DispatchLimits.MaxConcurrencyLimit}"];
        if (errors.Count > 0) return errors;
        await Dispatcher.SetLimitAsync(key, limit);
        return null;
    }

    public async Task<bool> RemoveLimitAsync(string key, CancellationToken cancellationToken = default)
    {
        var limits = await Dispatcher.GetLimitsAsync();
        if (!limits.ContainsKey(key)) return false;
        await Dispatcher.SetLimitAsync(key, null);
        return true;
    }

    public Task<IReadOnlyList<QueueFigures>> GetQueuesAsync(CancellationToken cancellationToken = default) =>
        statistics.ReadAsync(clock.GetUtcNow(), cancellationToken);

    public async Task<IReadOnlyList<PendingJob>> GetPendingAsync(string? queue, int limit, CancellationToken cancellationToken = default)
    {
        // The dispatcher names the queue of jobs without a config "" (their config name); people call it "any".
        var configName = queue == QueueStatistics.AnyQueue ? "" : queue;
        return await Dispatcher.GetPendingAsync(configName, limit);
    }

    public Task<string?> GetWaitingReasonAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        Dispatcher.GetWaitingReasonAsync(jobId);
}

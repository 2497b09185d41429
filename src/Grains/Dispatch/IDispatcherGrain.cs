using Orleans.Concurrency;

namespace Cockpit.Grains.Dispatch;

/// <summary>
/// The cluster's dispatcher (one, key <see cref="Key"/>): holds the pending jobs, the idle agents and the concurrency
/// limits (<see cref="DispatchBoard"/>) and starts jobs on agents as events arrive. Jobs and agents tell it of their
/// changes one way; it asks jobs to start. Rebuilt from the read model when it is activated (ADR 0014).
/// </summary>
public interface IDispatcherGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    [OneWay]
    Task JobChangedAsync(JobDispatchNotice notice);

    [OneWay]
    Task AgentChangedAsync(AgentDispatchNotice notice);

    /// <summary>Activates the dispatcher (each silo calls it now and then, so a dispatcher lost with its silo comes back).</summary>
    Task WakeAsync();

    Task<IReadOnlyDictionary<string, int>> GetLimitsAsync();

    /// <summary>Sets a concurrency key's limit; null removes it. Persisted before it answers.</summary>
    Task SetLimitAsync(string key, int? limit);

    /// <summary>Pending jobs in dispatch order (of one queue when <paramref name="configName"/> is given; "" is the
    /// jobs without a config), at most <paramref name="limit"/>, each with why it waits.</summary>
    Task<PendingJob[]> GetPendingAsync(string? configName, int limit);

    /// <summary>Why a pending job waits; null when the dispatcher does not hold it as pending.</summary>
    Task<string?> GetWaitingReasonAsync(Guid jobId);
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Grains.Agents;

/// <summary>
/// The fast path of offline detection, one per silo: the agents active on this silo note each heartbeat here, and every
/// <see cref="AgentLivenessOptions.EffectiveSilenceCheckInterval"/> the sweep asks those past their grace to check
/// themselves (<see cref="IAgentGrain.CheckSilenceAsync"/>); the grain decides, from its own state.
/// </summary>
/// <remarks>
/// One loop per silo instead of a grain timer per agent (ADR 0008): .NET walks its whole list of far-off timers several
/// times a second under the lock every timer re-arm also takes, so a timer per agent made that walk, and the waiting
/// for its lock, grow with the fleet — a silo with 100,000 agents spent a fifth of its CPU there and fell minutes behind
/// on heartbeats. Here a heartbeat costs one dictionary write, and the sweep one pass over the silo's agents per
/// interval, outside any lock. A silent agent whose silo died is found by the cluster's <see cref="IAgentRollCallGrain"/>.
/// </remarks>
public sealed class AgentSilenceSweep : IAsyncDisposable
{
    /// <summary>Silent agents asked to check themselves at once; the rest wait for a free slot.</summary>
    private const int ConcurrentChecks = 64;

    private readonly ConcurrentDictionary<Guid, long> _lastHeard = new();
    private readonly IGrainFactory _grains;
    private readonly AgentLivenessOptions _liveness;
    private readonly TimeProvider _clock;
    private readonly ILogger<AgentSilenceSweep> _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private int _started;

    public AgentSilenceSweep(IGrainFactory grains, IOptions<AgentLivenessOptions> liveness, TimeProvider clock, ILogger<AgentSilenceSweep> logger)
    {
        ArgumentNullException.ThrowIfNull(liveness);
        _grains = grains;
        _liveness = liveness.Value;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Notes that the agent was heard from at <paramref name="at"/>; starts the sweep with the first agent.</summary>
    public void Heard(Guid agentId, DateTimeOffset at)
    {
        _lastHeard[agentId] = at.UtcTicks;
        // Started by the first agent rather than with the host: by then the silo is up and grain calls can be made.
        if (Volatile.Read(ref _started) == 0 && Interlocked.Exchange(ref _started, 1) == 0) _loop = Task.Run(RunAsync);
    }

    /// <summary>The agent is offline, gone or no longer active here: nothing to watch.</summary>
    public void Forget(Guid agentId) => _lastHeard.TryRemove(agentId, out _);

    /// <summary>Asks every agent silent past its grace to check itself; what the loop does once per interval.</summary>
    private async Task SweepOnceAsync(CancellationToken cancellationToken)
    {
        var silentSince = (_clock.GetUtcNow() - _liveness.OfflineAfter).UtcTicks;
        var silent = _lastHeard.Where(entry => entry.Value <= silentSince).Select(entry => entry.Key);
        await Parallel.ForEachAsync(silent, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentChecks, CancellationToken = cancellationToken },
            async (agentId, _) =>
            {
                try
                {
                    await _grains.GetGrain<IAgentGrain>(agentId).CheckSilenceAsync();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The next sweep asks again, or the roll call once the grain is gone from this silo.
                    _logger.LogWarning(e, "Silence check of agent {AgentId} failed", agentId);
                }
            });
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(_liveness.EffectiveSilenceCheckInterval, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await SweepOnceAsync(_stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
        _stop.Dispose();
    }
}

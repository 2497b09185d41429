using Cockpit.Grains.Jobs;
using Cockpit.Grains.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Cockpit.Grains.Dispatch;

/// <summary>
/// The cluster's dispatcher (ADR 0014). Its rules are <see cref="DispatchBoard"/>'s; this grain feeds the board with
/// what jobs and agents tell it, asks jobs to start on the agents the board pairs them with, and keeps itself right
/// against the read model. It never pushes to a pod itself: the job grain does, and decides whether it may start, so
/// the dispatcher can be wrong about a job or an agent (a lost or late notice, a stale read model) without a job ever
/// running twice — a wrong guess costs a refused start.
/// </summary>
/// <remarks>
/// Reentrant: starts run concurrently (each is a pod's HTTP round trip) and notices keep arriving meanwhile. The board
/// is only touched between awaits, on this activation's scheduler, so it never sees two changes at once; it books
/// each start when it plans it, so nothing is offered twice while a start is under way.
/// </remarks>
[Reentrant]
public sealed class DispatcherGrain(
    [PersistentState("dispatcher", GrainStorage.Name)] IPersistentState<DispatcherState> store,
    IDispatchSource source,
    IOptions<DispatcherOptions> options,
    TimeProvider clock,
    ILogger<DispatcherGrain> logger) : Grain, IDispatcherGrain
{
    // Versions heard per job and agent, so that a late notice never undoes a newer one. Pruned (see Remember) so a
    // long-lived dispatcher does not keep one entry per job it ever saw.
    private const int MaxRememberedVersions = 200_000;

    private readonly DispatchBoard _board = new();
    private readonly DispatcherOptions _options = options.Value;
    private readonly Dictionary<Guid, long> _jobVersions = [];
    private readonly Dictionary<Guid, long> _agentVersions = [];

    // Jobs whose start is under way: a notice about them is settled by the start's own answer instead.
    private readonly HashSet<Guid> _starting = [];

    // Agents whose pod could not be reached, and since when. The read model still shows them ready (until they are
    // marked offline), so the reconcile would offer them work again and again, each time spending an attempt of some
    // job; they come back with their next notice (a heartbeat that changes their status, a new registration) or
    // after UnreachableBench.
    private readonly Dictionary<Guid, DateTimeOffset> _unreachable = [];
    private static readonly TimeSpan UnreachableBench = TimeSpan.FromMinutes(1);
    private IGrainTimer? _dueTimer;
    private DateTimeOffset? _dueAt;
    private bool _planQueued;
    private bool _reconciling;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, limit) in store.State.Limits) _board.SetLimit(key, limit);
        _dueTimer = this.RegisterGrainTimer(OnDueAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = true });
        this.RegisterGrainTimer(ReconcileAsync, new GrainTimerCreationOptions(_options.ReconcileInterval, _options.ReconcileInterval)
        {
            Interleave = true,
            KeepAlive = true,
        });
        await ReconcileAsync(cancellationToken);
    }

    public Task WakeAsync() => Task.CompletedTask;

    public Task JobChangedAsync(JobDispatchNotice notice)
    {
        if (!Remember(_jobVersions, notice.JobId, notice.Version) || _starting.Contains(notice.JobId)) return Task.CompletedTask;
        if (notice.Deleted) _board.JobLeft(notice.JobId);
        else if (notice.Status == JobStatus.Pending && notice.Queued is { } queued) _board.JobQueued(queued);
        else if (notice.Status == JobStatus.Processing && notice.AgentId is { } agent)
        {
            // Started by hand while queued, recovered, or resumed: it leaves the queue and counts against its key.
            _board.JobLeft(notice.JobId);
            _board.JobRunning(notice.JobId, notice.ConcurrencyKey, agent, clock.GetUtcNow());
        }
        else _board.JobLeft(notice.JobId);
        PlanSoon();
        return Task.CompletedTask;
    }

    public Task AgentChangedAsync(AgentDispatchNotice notice)
    {
        if (!Remember(_agentVersions, notice.AgentId, notice.Version)) return Task.CompletedTask;
        _unreachable.Remove(notice.AgentId);
        if (notice.Gone) _board.AgentGone(notice.AgentId);
        else if (notice.Idle) _board.AgentIdle(notice.AgentId, notice.ConfigName, notice.Labels, clock.GetUtcNow());
        else _board.AgentBusy(notice.AgentId, notice.ConfigName, notice.Labels);
        PlanSoon();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, int>> GetLimitsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>(_board.Limits, StringComparer.Ordinal));

    public async Task SetLimitAsync(string key, int? limit)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (limit is { } value) store.State.Limits[key] = value;
        else store.State.Limits.Remove(key);
        await store.WriteStateAsync();
        _board.SetLimit(key, limit);
        PlanSoon();
    }

    public Task<PendingJob[]> GetPendingAsync(string? configName, int limit)
    {
        var now = clock.GetUtcNow();
        var page = new List<PendingJob>();
        var position = 0;
        foreach (var job in _board.InDispatchOrder())
        {
            if (page.Count >= limit) break;
            position++;
            if (configName is not null && (job.ConfigName ?? "") != configName) continue;
            page.Add(new PendingJob(job, position, _board.WaitingReason(job.Id, now)!));
        }
        return Task.FromResult(page.ToArray());
    }

    public Task<string?> GetWaitingReasonAsync(Guid jobId) => Task.FromResult(_board.WaitingReason(jobId, clock.GetUtcNow()));

    /// <summary>
    /// Plans once the notices already queued for this activation have been taken in: under load, many events then cost
    /// one plan instead of one each.
    /// </summary>
    private void PlanSoon()
    {
        if (_planQueued) return;
        _planQueued = true;
        _ = PlanAfterQueuedWorkAsync();
    }

    private async Task PlanAfterQueuedWorkAsync()
    {
        await Task.Yield();
        _planQueued = false;
        Plan();
    }

    private void Plan()
    {
        var now = clock.GetUtcNow();
        foreach (var pair in _board.Plan(now)) _ = StartAsync(pair);
        WakeAtNextDue(now);
    }

    private async Task StartAsync(DispatchPair pair)
    {
        _starting.Add(pair.Job.Id);
        DispatchStart result;
        try
        {
            result = await GrainFactory.GetGrain<IJobGrain>(pair.Job.Id).StartDispatchedAsync(pair.Agent.Id);
        }
        catch (Exception e)
        {
            // Unknown whether it started: offering it again is safe, since the job refuses a second start.
            logger.LogWarning(e, "Starting job {JobId} on agent {AgentId} failed; the job stays queued", pair.Job.Id, pair.Agent.Id);
            result = new DispatchStart(DispatchStartKind.AgentRefused, pair.Job);
        }
        finally
        {
            _starting.Remove(pair.Job.Id);
        }

        switch (result.Kind)
        {
            case DispatchStartKind.Started:
                _board.Started(pair);
                break;
            case DispatchStartKind.JobGone:
                _board.JobWasGone(pair, clock.GetUtcNow());
                break;
            case DispatchStartKind.AgentRefused:
                logger.LogDebug("Agent {AgentId} did not take job {JobId}: {Detail}", pair.Agent.Id, pair.Job.Id, result.Detail);
                _board.AgentDidNotTake(pair, result.Queued ?? pair.Job);
                break;
            case DispatchStartKind.Retrying:
                _unreachable[pair.Agent.Id] = clock.GetUtcNow();
                _board.AgentDidNotTake(pair, result.Queued);
                break;
            default:
                _unreachable[pair.Agent.Id] = clock.GetUtcNow();
                _board.AgentDidNotTake(pair, null);
                break;
        }
        PlanSoon();
    }

    private Task OnDueAsync(CancellationToken cancellationToken)
    {
        _dueAt = null;
        Plan();
        return Task.CompletedTask;
    }

    /// <summary>Sets the timer for the earliest end of a retry's backoff, so the job is offered then, not at the next event.</summary>
    private void WakeAtNextDue(DateTimeOffset now)
    {
        var next = _board.NextDue(now);
        if (next == _dueAt) return;
        _dueAt = next;
        var delay = next is { } due ? (due > now ? due - now : TimeSpan.Zero) : Timeout.InfiniteTimeSpan;
        _dueTimer?.Change(delay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Adds what the read model knows and the board does not: notices lost with a silo, or everything when this
    /// activation is new. Only adds (and releases runs long ended): the read model may be a moment behind the notices,
    /// and an extra entry costs at most a refused start.
    /// </summary>
    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        if (_reconciling) return;
        _reconciling = true;
        try
        {
            var startedAt = clock.GetUtcNow();
            var snapshot = await source.LoadAsync(cancellationToken);
            var now = clock.GetUtcNow();
            foreach (var agentId in _unreachable.Where(u => now - u.Value >= UnreachableBench).Select(u => u.Key).ToList()) _unreachable.Remove(agentId);
            foreach (var agent in snapshot.Agents)
            {
                if (agent.Idle && _unreachable.ContainsKey(agent.Id)) continue;
                if (agent.Idle)
                {
                    if (!_board.IsIdle(agent.Id) && !_board.IsStartingOn(agent.Id)) _board.AgentIdle(agent.Id, agent.ConfigName, agent.Labels, now);
                }
                else if (!_board.IsRegistered(agent.Id)) _board.AgentBusy(agent.Id, agent.ConfigName, agent.Labels);
            }
            var runningInReadModel = new HashSet<Guid>();
            foreach (var run in snapshot.Running)
            {
                runningInReadModel.Add(run.JobId);
                if (!_starting.Contains(run.JobId) && !_board.IsPending(run.JobId)) _board.JobRunning(run.JobId, run.ConcurrencyKey, run.AgentId, now);
            }
            // A run the board has held since before this read, that the read model no longer shows running, ended and
            // its notice was lost: its key's slot is free again.
            foreach (var jobId in _board.RunningSince(startedAt - _options.ReconcileInterval))
            {
                if (!runningInReadModel.Contains(jobId) && !_starting.Contains(jobId)) _board.JobLeft(jobId);
            }
            foreach (var job in snapshot.Pending)
            {
                if (!_board.IsPending(job.Id) && !_board.IsRunning(job.Id) && !_starting.Contains(job.Id)) _board.JobQueued(job);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The dispatcher could not read the queue from the read model; it tries again in {Interval}", _options.ReconcileInterval);
        }
        finally
        {
            _reconciling = false;
        }
        Plan();
    }

    private static bool Remember(Dictionary<Guid, long> versions, Guid id, long version)
    {
        if (versions.TryGetValue(id, out var seen) && seen >= version) return false;
        if (versions.Count >= MaxRememberedVersions) versions.Clear();
        versions[id] = version;
        return true;
    }
}

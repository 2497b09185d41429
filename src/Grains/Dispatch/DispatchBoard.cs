namespace Cockpit.Grains.Dispatch;

/// <summary>
/// The dispatcher's whole state and its rules, without I/O: pending jobs, idle agents, starts under way or running
/// per concurrency key, limits and the round robin's memory. Each event updates the board; <see cref="Plan"/> then
/// says which jobs to start on which agents and books them, so that nothing is offered twice while a start is under
/// way. The grain around it only talks to other grains.
/// </summary>
public sealed class DispatchBoard
{
    private readonly DispatchQueue _pending = new();

    // The pending jobs with a backoff, so that the dispatcher's timer is set after every plan without looking at every
    // pending job (a backlog of thousands, of which retries are few).
    private readonly HashSet<Guid> _backingOff = [];
    private readonly Dictionary<Guid, IdleAgent> _idle = [];
    private readonly RunningJobs _running = new();
    private readonly HashSet<Guid> _startingOn = [];

    // Agents that said they are ready while a start on them was under way: a pod that finishes at once reports the job
    // done and itself ready before the job has answered the dispatcher. Idle once the start is answered started.
    private readonly Dictionary<Guid, IdleAgent> _idleAfterStart = [];
    private readonly Dictionary<string, int> _limits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastServed = new(StringComparer.Ordinal);

    // The round robin's memory in two parts: each key's last start that happened, and the turns booked by starts under
    // way. A start that does not happen (the agent did not take the job, the job was gone) gives its turn back, so that
    // a key whose starts are refused is not passed over for it. _lastServed is the newer of the two, per key.
    private readonly Dictionary<string, long> _lastStarted = new(StringComparer.Ordinal);
    // By job and agent: a job queued again while a start of it is under way may be booked again, on another agent.
    private readonly Dictionary<(Guid Job, Guid Agent), (string Key, long Turn)> _turnsBooked = [];
    private readonly Dictionary<Guid, KnownAgent> _registered = [];
    private long _serial;

    public IReadOnlyCollection<QueuedJob> Pending => _pending.Jobs;
    public IReadOnlyCollection<IdleAgent> Idle => _idle.Values;
    public IReadOnlyDictionary<string, int> Limits => _limits;
    public IReadOnlyCollection<KnownAgent> Registered => _registered.Values;

    /// <summary>Jobs started (or being started) and not ended, per concurrency key; a live view of the board's count.</summary>
    public IReadOnlyDictionary<string, int> RunningPerKey() => _running.PerKey;

    public bool IsRunning(Guid jobId) => _running.Contains(jobId);

    /// <summary>Pending jobs in the order they will be offered, read lazily (the board must not change meanwhile).</summary>
    public IEnumerable<QueuedJob> InDispatchOrder() => _pending.InOrder(_lastServed);

    /// <summary>The earliest end of a backoff among pending jobs, to wake up then.</summary>
    public DateTimeOffset? NextDue(DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        foreach (var jobId in _backingOff)
        {
            _pending.TryGet(jobId, out var job);
            if (!job.IsDue(now) && (next is null || job.NotBefore < next)) next = job.NotBefore;
        }
        return next;
    }

    /// <summary>A job is (again) pending: new, retried after a failed attempt, or its priority changed.</summary>
    public void JobQueued(QueuedJob job)
    {
        _running.Remove(job.Id);
        SetPending(job);
    }

    /// <summary>A job runs on an agent: the dispatcher heard so (<paramref name="heardAt"/>), or the read model says so on
    /// a rebuild. A job pending here is being re-queued and stays pending.</summary>
    public void JobRunning(Guid jobId, string? concurrencyKey, Guid agentId, DateTimeOffset heardAt)
    {
        if (_pending.Contains(jobId)) return;
        if (_running.TryGet(jobId, out var known) && known.AgentId == agentId) return;
        _running.Set(jobId, new RunningJob(concurrencyKey, agentId, heardAt));
    }

    /// <summary>The job is no longer the dispatcher's: it ended, was cancelled, deleted, or started by hand.</summary>
    public void JobLeft(Guid jobId)
    {
        RemovePending(jobId);
        _running.Remove(jobId);
    }

    /// <summary>An agent says it is ready without a job. One being started right now stays booked, and is idle once its
    /// start is answered started (it finished that job already).</summary>
    public void AgentIdle(Guid agentId, string configName, LabelDictionary labels, DateTimeOffset now)
    {
        _registered[agentId] = new KnownAgent(agentId, configName, labels);
        if (_startingOn.Contains(agentId))
        {
            _idleAfterStart[agentId] = new IdleAgent(agentId, configName, labels, now);
            return;
        }
        var since = _idle.TryGetValue(agentId, out var known) ? known.IdleSince : now;
        _idle[agentId] = new IdleAgent(agentId, configName, labels, since);
    }

    /// <summary>An agent is working, offline or failed.</summary>
    public void AgentBusy(Guid agentId, string configName, LabelDictionary labels)
    {
        _registered[agentId] = new KnownAgent(agentId, configName, labels);
        _idle.Remove(agentId);
        _idleAfterStart.Remove(agentId);
    }

    /// <summary>An agent deregistered: it is neither idle nor an agent that could ever take a job.</summary>
    public void AgentGone(Guid agentId)
    {
        _registered.Remove(agentId);
        _idle.Remove(agentId);
        _idleAfterStart.Remove(agentId);
    }

    /// <summary>Why a pending job waits (see <see cref="WaitingReasons"/>); null when it is not pending here.</summary>
    public string? WaitingReason(Guid jobId, DateTimeOffset now) => _pending.TryGet(jobId, out var job)
        ? WaitingReasons.Explain(job, now, _registered.Values, _idle.Values, RunningPerKey(), _limits)
        : null;

    public bool IsPending(Guid jobId) => _pending.Contains(jobId);

    public bool IsStartingOn(Guid agentId) => _startingOn.Contains(agentId);

    public bool IsIdle(Guid agentId) => _idle.ContainsKey(agentId);

    public bool IsRegistered(Guid agentId) => _registered.ContainsKey(agentId);

    /// <summary>Whether a job is counted as running here since before <paramref name="before"/> (the time it was booked
    /// or heard running), so that a rebuild may drop it when the read model says it ended.</summary>
    public IEnumerable<Guid> RunningSince(DateTimeOffset before) =>
        _running.Entries.Where(r => r.Value.Since < before && !_startingOn.Contains(r.Value.AgentId)).Select(r => r.Key).ToList();

    /// <summary>Sets a key's limit; null removes it (no limit).</summary>
    public void SetLimit(string key, int? limit)
    {
        if (limit is { } value) _limits[key] = value;
        else _limits.Remove(key);
    }

    /// <summary>Decides what starts now and books it: the jobs leave the queue and the agents the idle set.</summary>
    public IReadOnlyList<DispatchPair> Plan(DateTimeOffset now)
    {
        if (_idle.Count == 0 || _pending.Count == 0) return [];
        var pairs = DispatchPlanner.Plan(skipTurn => _pending.InOrder(_lastServed, skipTurn), _idle.Values, RunningPerKey(), _limits, now);
        foreach (var (job, agent) in pairs)
        {
            RemovePending(job.Id);
            _idle.Remove(agent.Id);
            _startingOn.Add(agent.Id);
            _running.Set(job.Id, new RunningJob(job.ConcurrencyKey, agent.Id, now));
            _lastServed[job.TurnKey] = ++_serial;
            _turnsBooked[(job.Id, agent.Id)] = (job.TurnKey, _serial);
        }
        return pairs;
    }

    /// <summary>The job runs on the agent, or ran already: an agent that said it is ready meanwhile is idle now. Should
    /// that word have been older than the start, the agent refuses the next job, which costs a refused start only.</summary>
    public void Started(DispatchPair pair)
    {
        if (_turnsBooked.Remove((pair.Job.Id, pair.Agent.Id), out var turn) && turn.Turn > _lastStarted.GetValueOrDefault(turn.Key))
        {
            _lastStarted[turn.Key] = turn.Turn;
        }
        _startingOn.Remove(pair.Agent.Id);
        if (_idleAfterStart.Remove(pair.Agent.Id, out var idle)) _idle[pair.Agent.Id] = idle;
    }

    /// <summary>The job was not there to start (cancelled, deleted, started by hand): the agent is free again.</summary>
    public void JobWasGone(DispatchPair pair, DateTimeOffset now)
    {
        GiveTurnBack(pair);
        _startingOn.Remove(pair.Agent.Id);
        _idleAfterStart.Remove(pair.Agent.Id);
        if (_running.TryGet(pair.Job.Id, out var run) && run.AgentId == pair.Agent.Id) _running.Remove(pair.Job.Id);
        _idle.TryAdd(pair.Agent.Id, pair.Agent with { IdleSince = now });
    }

    /// <summary>
    /// The agent did not take the job (busy, gone, unreachable) or the outcome is unknown: the agent stays out until it
    /// says it is ready again, and the job is pending again as <paramref name="requeued"/> says (a retry's backoff), or
    /// is no longer the dispatcher's when null.
    /// </summary>
    public void AgentDidNotTake(DispatchPair pair, QueuedJob? requeued)
    {
        GiveTurnBack(pair);
        _startingOn.Remove(pair.Agent.Id);
        _idleAfterStart.Remove(pair.Agent.Id);
        if (_running.TryGet(pair.Job.Id, out var run) && run.AgentId == pair.Agent.Id) _running.Remove(pair.Job.Id);
        if (requeued is not null && !_running.Contains(requeued.Id)) SetPending(requeued);
    }

    private void SetPending(QueuedJob job)
    {
        _pending.Set(job);
        if (job.NotBefore is null) _backingOff.Remove(job.Id);
        else _backingOff.Add(job.Id);
    }

    private void RemovePending(Guid jobId)
    {
        _pending.Remove(jobId);
        _backingOff.Remove(jobId);
    }

    /// <summary>The key's mark goes back to its newest start that happened or is still under way.</summary>
    private void GiveTurnBack(DispatchPair pair)
    {
        if (!_turnsBooked.Remove((pair.Job.Id, pair.Agent.Id), out var turn)) return;
        long? newest = _lastStarted.TryGetValue(turn.Key, out var started) ? started : null;
        foreach (var (key, booked) in _turnsBooked.Values)
        {
            if (key == turn.Key && (newest is null || booked > newest)) newest = booked;
        }
        if (newest is { } mark) _lastServed[turn.Key] = mark;
        else _lastServed.Remove(turn.Key);
    }

    /// <summary>Forgets everything but the limits and the round robin's memory, before a rebuild.</summary>
    public void Clear()
    {
        _registered.Clear();
        _pending.Clear();
        _backingOff.Clear();
        _idle.Clear();
        _running.Clear();
        _startingOn.Clear();
        _idleAfterStart.Clear();
    }
}

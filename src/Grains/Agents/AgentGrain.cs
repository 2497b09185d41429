using Cockpit.Grains.Budgets;
using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Events;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Lifecycle;
using Cockpit.Grains.Ports;
using Orleans.Placement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Grains.Agents;

/// <summary>
/// One agent pod. A heartbeat updates memory only; state is written when the lifecycle moves.
/// Silence is caught by the silo's <see cref="AgentSilenceSweep"/> while the grain is active, and by the cluster's
/// <see cref="IAgentRollCallGrain"/>, which brings the grain back on another silo if the one hosting it died.
/// </summary>
/// <remarks>
/// Random placement, not Orleans' default resource-optimised one: agents are many, alike and small, and registrations
/// often all enter through one silo (one proxy, one gateway), where the default's preference for the local silo under
/// even load would keep a whole fleet on it. Random spreads a fleet evenly by count across the silos.
/// </remarks>
[RandomPlacement]
public sealed class AgentGrain(
    [PersistentState("agent", GrainStorage.Name)] IPersistentState<AgentState> store,
    IAgentPodClient pods,
    IDomainEventSink events,
    IOptions<AgentLivenessOptions> liveness,
    AgentSilenceSweep silenceSweep,
    TimeProvider clock,
    ILogger<AgentGrain> logger) : Grain, IAgentGrain, IRemindable
{
    // The per-agent reminder of earlier versions (before ADR 0009); one still registered is dropped when it fires.
    private const string LegacyLivenessReminder = "agent-liveness";
    private readonly AgentLivenessOptions _liveness = liveness.Value;
    private JobProgress? _lastProgressSent;
    // The current job's tokens by this agent's heartbeats, and the counter they were last counted from (HeartbeatTokenRules).
    private long _runTokens;
    private long? _lastTokenCounter;

    // What this agent owes its jobs; created on activation, when the grain's identity and factory are known.
    private AgentReportOutbox _outbox = null!;

    // When the current job was pushed, until a heartbeat names it; see AgentFacts.JobUnconfirmed.
    private DateTimeOffset? _jobPushedAt;

    // Whether this activation has heard the agent itself (registration or heartbeat), and the last heartbeat it
    // inherited from storage: until it has, the read model's last heartbeat may be newer (see RollCallAsync).
    private bool _heardSinceActivation;
    private DateTimeOffset _storedLastHeartbeat;

    // What the dispatcher was last told by this activation (see TellDispatcher).
    private DispatcherKnows? _dispatcherKnows;

    private AgentState State => store.State;
    private Guid Id => this.GetPrimaryKey();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _outbox = new AgentReportOutbox(Id, () => State.UndeliveredReports, GrainFactory, logger);
        if (State.Registered)
        {
            // Heartbeat times are not persisted (that would be a write per heartbeat). After a move to another
            // silo the agent gets a full grace from now, unless the roll call tells when the read model last heard
            // it (RollCallAsync).
            var now = clock.GetUtcNow();
            _storedLastHeartbeat = State.LastHeartbeat;
            if (State.LastHeartbeat < now) State.LastHeartbeat = now;
            // Whether the agent confirmed its job is not persisted either, and after a silo dies Orleans forwards the
            // messages addressed to the lost activation: a job-less "ready" sent before the pod took the job can still
            // arrive here. The job gets the grace of a fresh push (ADR 0004), so such a heartbeat is stale, not a loss.
            if (State.Status == AgentStatus.Working && State.CurrentJobId is not null) _jobPushedAt = now;
            // The dispatcher is rebuilt from the read model, which may have lost this agent's last change with a silo
            // (ADR 0018); a heartbeat that changes nothing tells it nothing. Activated means heard again: say where it stands.
            TellDispatcher();
        }
        WatchSilence();
        // Outcomes a previous activation (perhaps on a silo that died) could not get acknowledged.
        _outbox.SendAll();
        return Task.CompletedTask;
    }

    public async Task<AgentSnapshot> RegisterAsync(AgentRegistrationInfo registration)
    {
        var now = clock.GetUtcNow();
        var before = Facts();
        var isNew = !State.Registered;
        var decision = AgentLifecycle.Decide(before, AgentTrigger.Registered);
        State.Registered = true;
        State.ConfigName = registration.ConfigName;
        State.Hostname = registration.Hostname;
        State.PodIp = registration.PodIp;
        State.PodPort = registration.PodPort;
        State.Pid = registration.Pid;
        State.MetadataJson = registration.MetadataJson;
        State.Labels = registration.Labels?.ToDictionary(p => p.Key, p => p.Value) ?? [];
        State.LastHeartbeat = now;
        _heardSinceActivation = true;
        if (isNew) State.RegisteredAt = now;

        await CommitAsync(before, decision, isNew ? "registered" : $"registered again from {registration.PodIp}:{registration.PodPort}",
            force: true, isNew: isNew, untilInReadModel: true);
        WatchSilence();
        return Snapshot();
    }

    public async Task<AgentSnapshot?> HeartbeatAsync(HeartbeatInfo heartbeat)
    {
        if (!State.Registered) return null;
        var now = clock.GetUtcNow();
        State.LastHeartbeat = now;
        _heardSinceActivation = true;
        State.MetricsJson = heartbeat.MetricsJson ?? State.MetricsJson;
        // Outcomes still owed to jobs go again with each heartbeat (and each silence check), until acknowledged.
        if (!_outbox.IsEmpty) _outbox.SendAll();

        var trigger = AgentLifecycle.HeartbeatTrigger(heartbeat.Status)
            ?? throw new ArgumentException($"'{heartbeat.Status.ToWire()}' is not a status an agent may report", nameof(heartbeat));
        if (heartbeat.CurrentJobId is { } named && named == State.CurrentJobId) _jobPushedAt = null;
        var before = Facts();
        var decision = AgentLifecycle.Decide(before, trigger, heartbeat.CurrentJobId);

        ForwardProgress(before, decision, heartbeat);
        ForwardTokens(decision, heartbeat);
        if (decision.Changed(before))
        {
            _jobPushedAt = null;
            var cause = decision.Kind == TransitionKind.Adopted
                ? $"heartbeat: {heartbeat.Status.ToWire()} (reported by the agent, outside the usual lifecycle)"
                : $"heartbeat: {heartbeat.Status.ToWire()}";
            await CommitAsync(before, decision, cause, heartbeat);
        }
        else
        {
            events.HeartbeatSeen(Id, now, State.MetricsJson);
            _outbox.Send(_outbox.Owe(decision.JobEffects, heartbeat));
        }
        ReportWorking(heartbeat);
        WatchSilence();
        return Snapshot();
    }

    public Task<string> GetSiloAsync() => Task.FromResult(RuntimeIdentity);

    public Task<AgentSnapshot?> GetAsync() => Task.FromResult(State.Registered ? Snapshot() : null);

    public async Task<AgentSnapshot?> DeregisterAsync()
    {
        if (!State.Registered) return null;
        var last = Snapshot();
        if (State.Status == AgentStatus.Working && State.CurrentJobId is { } job)
        {
            _outbox.Send(_outbox.Owe([new JobEffect(job, JobEffectKind.Lost, "agent deregistered while working on the job")], null));
        }

        // The record stays, marked unregistered, so its version keeps growing: the same hostname registering
        // again gets this id back, and the read model only takes versions newer than the deletion.
        State.Registered = false;
        State.Status = AgentStatus.Offline;
        State.CurrentJobId = null;
        State.Version++;
        await store.WriteOrDeactivateAsync(DeactivateOnIdle);
        WatchSilence();
        // Answered once the read model has dropped the agent, as a registration is answered once it holds it: a
        // deletion lost with a silo left a deregistered agent listed, and asked by every roll call, for ever.
        var written = events.PublishWrittenAsync(Deregistered(last), CancellationToken.None);
        TellDispatcher(gone: true);
        DeactivateOnIdle();
        await InReadModelAsync(written, "deregistered");
        return last;
    }

    public Task<CommandResult<AgentSnapshot>> StartJobAsync(JobSpec job) =>
        PushJobAsync(job.JobId, "started", ct => pods.StartJobAsync(Pod(), job, ct));

    public Task<CommandResult<AgentSnapshot>> ResumeJobAsync(Guid jobId) =>
        PushJobAsync(jobId, "resumed", ct => pods.ResumeJobAsync(Pod(), jobId, ct));

    public async Task<CommandResult<AgentSnapshot>> CancelJobAsync(Guid jobId)
    {
        if (!State.Registered) return CommandResult<AgentSnapshot>.Fail(CommandStatus.NotFound, $"agent {Id} is not registered");
        // Only an agent working on this very job gets the push; otherwise there is nothing to stop.
        if (State.CurrentJobId != jobId || State.Status is not (AgentStatus.Working or AgentStatus.Offline))
        {
            return CommandResult<AgentSnapshot>.Ok(Snapshot());
        }

        var result = await pods.CancelJobAsync(Pod(), jobId, CancellationToken.None);
        // The agent stays "working" until its next heartbeat says it is ready again (seed: state saved first). The
        // pod has just confirmed it had the job, so that "ready" is the end of it, not a stale report from before the
        // push (AgentFacts.JobUnconfirmed), even within the grace.
        if (result.IsAccepted) _jobPushedAt = null;
        return result.IsAccepted
            ? CommandResult<AgentSnapshot>.Ok(Snapshot())
            : CommandResult<AgentSnapshot>.Fail(Map(result.Outcome), DescribeFailure("cancel", result), Snapshot());
    }

    /// <summary>
    /// Only the per-agent reminder of earlier versions comes here: the roll call does its work now, so it is dropped
    /// (after doing that work once, as it used to).
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var legacy = await this.GetReminder(reminderName);
        if (legacy is not null) await this.UnregisterReminder(legacy);
        if (reminderName == LegacyLivenessReminder) await CheckSilenceAsync();
    }

    private async Task<CommandResult<AgentSnapshot>> PushJobAsync(
        Guid jobId, string verb, Func<CancellationToken, Task<PodCommandResult>> push)
    {
        if (!State.Registered) return CommandResult<AgentSnapshot>.Fail(CommandStatus.NotFound, $"agent {Id} is not registered");
        var before = Facts();
        var decision = AgentLifecycle.Decide(before, AgentTrigger.JobAccepted, jobId);
        if (decision.Kind == TransitionKind.Refused)
        {
            return CommandResult<AgentSnapshot>.Fail(CommandStatus.Conflict, decision.RefusalReason!, Snapshot());
        }

        var result = await push(CancellationToken.None);
        if (!result.IsAccepted)
        {
            logger.LogWarning("Push to agent {AgentId} at {Pod} failed: {Outcome} {Detail}", Id, Pod(), result.Outcome, result.Detail);
            return CommandResult<AgentSnapshot>.Fail(Map(result.Outcome), DescribeFailure(verb == "started" ? "start" : "resume", result), Snapshot());
        }

        _lastProgressSent = null;
        _runTokens = 0;
        _lastTokenCounter = null;
        _outbox.ForgetJob(jobId);
        try
        {
            await CommitAsync(before, decision, $"job {jobId} {verb}");
        }
        catch
        {
            // The pod took the job but its record could not be written, so the caller hears that nothing changed:
            // the pod must drop the job again, or it would work on a job nobody knows it has.
            await DropPushedJobAsync(jobId);
            throw;
        }
        _jobPushedAt = clock.GetUtcNow();
        return CommandResult<AgentSnapshot>.Ok(Snapshot());
    }

    /// <summary>Best effort: a pod that cannot be told keeps the job until it reports it, which the lifecycle then adopts.</summary>
    private async Task DropPushedJobAsync(Guid jobId)
    {
        try
        {
            var result = await pods.CancelJobAsync(Pod(), jobId, CancellationToken.None);
            if (!result.IsAccepted) logger.LogWarning("Agent {AgentId} did not drop job {JobId} after a failed write: {Detail}", Id, jobId, result.Detail);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Agent {AgentId} could not be told to drop job {JobId} after a failed write", Id, jobId);
        }
    }

    public async Task RollCallAsync(DateTimeOffset lastHeard)
    {
        // Asked, so the read model still lists the agent; deregistered, its deletion never reached the read model (lost
        // with a silo before deregistrations waited for it, or past the wait's bound). Said again, the row goes.
        if (!State.Registered && State.Version > 0)
        {
            events.Publish(Deregistered(Snapshot()));
        }

        // A fresh activation gave the agent a full grace from its own start, not knowing when the agent was last heard;
        // the read model knows, give or take one heartbeat interval (see SilentAgent.LastHeard), which the agent is
        // given: its silence is never counted from earlier than it could have been heard. One that has heard the agent
        // itself knows better than the read model.
        if (!_heardSinceActivation && State.Registered && State.Status != AgentStatus.Offline)
        {
            var latest = lastHeard + _liveness.HeartbeatInterval;
            var known = latest > _storedLastHeartbeat ? latest : _storedLastHeartbeat;
            if (known < State.LastHeartbeat)
            {
                State.LastHeartbeat = known;
                WatchSilence();
            }
        }
        await CheckSilenceAsync();
    }

    public async Task CheckSilenceAsync()
    {
        _outbox.SendAll();
        if (!State.Registered || State.Status == AgentStatus.Offline) return;
        var silence = clock.GetUtcNow() - State.LastHeartbeat;
        if (silence < _liveness.OfflineAfter) return;

        var before = Facts();
        var decision = AgentLifecycle.Decide(before, AgentTrigger.SilenceTimeout);
        await CommitAsync(before, decision, $"offline: no heartbeat for {(int)silence.TotalSeconds} s");
        WatchSilence();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        silenceSweep.Forget(Id);
        return Task.CompletedTask;
    }

    /// <summary>Tells the silo's sweep whether to watch this agent for silence: while it is registered and not offline.</summary>
    private void WatchSilence()
    {
        if (State.Registered && State.Status != AgentStatus.Offline) silenceSweep.Heard(Id, State.LastHeartbeat);
        else silenceSweep.Forget(Id);
    }

    /// <summary>Applies a decision, persists it, then tells read models and jobs. Storage failures propagate.</summary>
    /// <param name="untilInReadModel">
    /// Answer only once the read model holds the change (bounded by <see cref="ReadModelWait.Bound"/>). A registration
    /// does: the roll call finds silent agents in the read model (ADR 0009), so an agent whose silo died before the
    /// projector wrote its first row, and that then fell silent, was found by nothing and stayed "ready" for ever.
    /// </param>
    private async Task CommitAsync(AgentFacts before, AgentDecision decision, string cause, HeartbeatInfo? heartbeat = null,
        bool force = false, bool isNew = false, bool untilInReadModel = false)
    {
        if (!force && !decision.Changed(before)) return;
        State.Status = decision.Status;
        State.CurrentJobId = decision.CurrentJobId;
        State.Version++;
        // Owed before the write, so the write keeps them: acknowledged to the agent means never lost.
        var owed = _outbox.Owe(decision.JobEffects, heartbeat);
        await store.WriteOrDeactivateAsync(DeactivateOnIdle);
        var change = new AgentChanged(clock.GetUtcNow(), Snapshot(), isNew ? null : before.Status, cause);
        var written = untilInReadModel ? events.PublishWrittenAsync(change, CancellationToken.None) : null;
        if (written is null) events.Publish(change);
        _outbox.Send(owed);
        // A registration always tells: it is how an agent the dispatcher benched as unreachable comes back.
        TellDispatcher(onlyIfChanged: !force);
        if (written is not null) await InReadModelAsync(written, cause);
    }

    /// <summary>The deletion read models and subscribers see: the agent as it was last shown, at the current version.</summary>
    private AgentChanged Deregistered(AgentSnapshot last) =>
        new(clock.GetUtcNow(), last with { Version = State.Version }, last.Status, "deregistered", Deleted: true);

    private async Task InReadModelAsync(Task written, string cause)
    {
        if (await ReadModelWait.UntilWrittenAsync(written) is { } missed)
        {
            logger.LogWarning("Agent {AgentId}: the read model did not take '{Cause}' ({Reason}); answering without it", Id, cause, missed);
        }
    }

    /// <summary>
    /// One way: whether the agent can take a job now (ready without one). Sent at activation, registration and
    /// deregistration, and at a transition that changes what the dispatcher knows: working → completed does not
    /// (busy either way), and one notice fewer per job is one grain call fewer per start. A notice lost with a silo is
    /// made good by the dispatcher's reconcile, as before.
    /// </summary>
    private void TellDispatcher(bool gone = false, bool onlyIfChanged = false)
    {
        var idle = !gone && State.Registered && State.Status == AgentStatus.Ready && State.CurrentJobId is null;
        var labels = LabelDictionary.Of(State.Labels);
        var told = new DispatcherKnows(idle, gone, State.ConfigName, labels);
        if (onlyIfChanged && told == _dispatcherKnows) return;
        _dispatcherKnows = told;
        _ = GrainFactory.GetGrain<IDispatcherGrain>(IDispatcherGrain.Key).AgentChangedAsync(
            new AgentDispatchNotice(Id, State.Version, State.ConfigName, labels, idle, gone));
    }

    /// <summary>What the last notice of this activation told the dispatcher, apart from its version.</summary>
    private sealed record DispatcherKnows(bool Idle, bool Gone, string ConfigName, LabelDictionary Labels);

    /// <summary>
    /// Tells the job, at every heartbeat that names it, that the agent works on it. A job whose silo died between the
    /// pod accepting the start and the job writing it down would otherwise stay "created" while it runs, and its
    /// outcome would be ignored. Every heartbeat, not once: a one-way message to a silo that is dying but not yet
    /// declared dead is lost. For a job that knows it runs this is one ignored message per heartbeat interval.
    /// </summary>
    private void ReportWorking(HeartbeatInfo heartbeat)
    {
        if (State.Status != AgentStatus.Working || State.CurrentJobId is not { } job || heartbeat.CurrentJobId != job) return;
        _ = GrainFactory.GetGrain<IJobGrain>(job).OnAgentWorkingAsync(Id);
    }

    /// <summary>Progress of the job the agent is working on; an outcome's own progress travels with the outcome.</summary>
    private void ForwardProgress(AgentFacts before, AgentDecision decision, HeartbeatInfo heartbeat)
    {
        if (heartbeat.Progress is not { } progress || decision.Status != AgentStatus.Working
            || before.Status != AgentStatus.Working || decision.CurrentJobId is not { } job || job != before.CurrentJobId) return;
        // Unchanged progress is not sent again, except now and then: the call is one-way, and one lost with a silo
        // would otherwise leave the job showing an older count for as long as the count stands still.
        if (_lastProgressSent is { } last && last.SaysSameAs(progress)
            && progress.ReportedAt - last.ReportedAt < _liveness.EffectiveSilenceCheckInterval) return;
        _lastProgressSent = progress;
        _ = GrainFactory.GetGrain<IJobGrain>(job).OnProgressAsync(Id, progress);
    }

    /// <summary>
    /// The agent's token counter while it works on a job, for token budgets of agents that report no LLM calls: the job
    /// is told what the counter grew by since its run began, a figure that only grows (heartbeats reach this grain in
    /// order; one-way reports to the job may not, and the job keeps the largest). Memory only: after a move, counting
    /// starts again from the next heartbeat, which can only undercount.
    /// </summary>
    private void ForwardTokens(AgentDecision decision, HeartbeatInfo heartbeat)
    {
        if (heartbeat.TokensProcessed is not { } counter || decision.Status != AgentStatus.Working
            || decision.CurrentJobId is not { } job || heartbeat.CurrentJobId != job) return;
        var (total, last) = HeartbeatTokenRules.Next(_runTokens, _lastTokenCounter, counter);
        _lastTokenCounter = last;
        if (total == _runTokens) return;
        _runTokens = total;
        _ = GrainFactory.GetGrain<IJobGrain>(job).OnAgentTokensAsync(Id, total);
    }

    private static CommandStatus Map(PodCommandOutcome outcome) => outcome switch
    {
        PodCommandOutcome.Rejected => CommandStatus.Conflict,
        PodCommandOutcome.Forbidden => CommandStatus.Forbidden,
        _ => CommandStatus.AgentUnreachable,
    };

    private string DescribeFailure(string command, PodCommandResult result) => result.Outcome switch
    {
        PodCommandOutcome.Rejected => $"agent refused {command}: {result.Detail}",
        PodCommandOutcome.Forbidden => $"agent address {Pod()} is not allowed: {result.Detail}",
        _ => $"could not {command} the job on agent pod {Pod()}: {result.Detail}",
    };

    private PodAddress Pod() => new(State.PodIp, State.PodPort, Id);

    private AgentFacts Facts() => new(State.Status, State.CurrentJobId,
        _jobPushedAt is { } pushed && clock.GetUtcNow() - pushed < _liveness.EffectiveJobConfirmationGrace);

    private AgentSnapshot Snapshot() => new(Id, State.ConfigName, State.Hostname, State.PodIp, State.PodPort, State.Pid,
        State.Status, State.CurrentJobId, State.RegisteredAt, State.LastHeartbeat, State.MetadataJson, State.MetricsJson, State.Version,
        LabelDictionary.Of(State.Labels));
}

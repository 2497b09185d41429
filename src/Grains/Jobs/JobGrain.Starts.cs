// A job's grain: how a run begins on an agent. Three ways lead here: the dispatcher starts a queued job, a person
// assigns or resumes one, or an agent's heartbeat says it already works on one (the assignment was lost with a silo).
// The pushes meet in AcceptRunAsync. Together because a push whose outcome cannot be recorded is withdrawn from its
// agent, and that withdrawal is what keeps the agent's next heartbeat from recovering the run (_withdrawnFrom).

using Cockpit.Grains.Agents;
using Cockpit.Grains.Budgets;
using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Jobs.Progress;
using Cockpit.Grains.Lifecycle;

namespace Cockpit.Grains.Jobs;

public sealed partial class JobGrain
{
    // The agent this activation told to drop a run it could not record (its caller heard "nothing changed"). That
    // agent's reports of working on the job, some perhaps already on their way, are not adopted as a recovered
    // assignment; a later successful push clears it. Memory only: it guards the seconds after the failure.
    private Guid? _withdrawnFrom;

    public async Task<DispatchStart> StartDispatchedAsync(Guid agentId)
    {
        if (!State.Exists || State.Status != JobStatus.Pending) return new DispatchStart(DispatchStartKind.JobGone);
        var now = clock.GetUtcNow();
        if (Dispatch.NotBefore is { } due && due > now) return new DispatchStart(DispatchStartKind.AgentRefused, Queued(), "the retry's backoff has not ended");

        CommandResult<AgentSnapshot> pushed;
        try
        {
            pushed = await GrainFactory.GetGrain<IAgentGrain>(agentId).StartJobAsync(SpecForAgent());
        }
        catch
        {
            await WithdrawFromAsync(agentId);
            throw;
        }
        // The job may have changed while the push was under way (a person cancelled or assigned it).
        if (!State.Exists || State.Status != JobStatus.Pending)
        {
            if (pushed.IsOk) await WithdrawFromAsync(agentId);
            return new DispatchStart(DispatchStartKind.JobGone);
        }
        if (pushed.IsOk)
        {
            var attempt = Dispatch.CountedAttempts + 1;
            await AcceptRunAsync(agentId, JobTrigger.AssignRequested, $"dispatched to agent {agentId} (attempt {attempt} of {Dispatch.Spec.MaxAttempts})",
                answerBeforeReadModel: true);
            return new DispatchStart(DispatchStartKind.Started);
        }
        if (pushed.Status is CommandStatus.NotFound or CommandStatus.Conflict)
        {
            return new DispatchStart(DispatchStartKind.AgentRefused, Queued(), pushed.Error);
        }

        // The pod could not be reached (or is not allowed): that was an attempt, and it failed.
        State.Dispatch = Dispatch.Undelivered(agentId, now, pushed.Error ?? "the agent could not be reached");
        var retried = await AfterFailedAttemptAsync(AttemptOutcome.Unreachable, pushed.Error, null, $"could not reach agent {agentId}", now);
        return retried ? new DispatchStart(DispatchStartKind.Retrying, Queued(), pushed.Error) : new DispatchStart(DispatchStartKind.Failed, null, pushed.Error);
    }

    private async Task<CommandResult<JobSnapshot>> RunOnAgentAsync(Guid agentId, JobTrigger request, string verb,
        Func<IAgentGrain, Task<CommandResult<AgentSnapshot>>> push)
    {
        if (!State.Exists) return NotFound();
        var transition = JobLifecycle.Next(State.Status, request);
        if (transition.IsRefused) return Fail(CommandStatus.Conflict, transition.Reason!);

        CommandResult<AgentSnapshot> pushed;
        try
        {
            pushed = await push(GrainFactory.GetGrain<IAgentGrain>(agentId));
        }
        catch
        {
            // The push's outcome is unknown (the agent could not record it, or its silo went away): the caller hears
            // that nothing changed, so the pod is told to drop the job if it has it.
            await WithdrawFromAsync(agentId);
            throw;
        }
        if (!pushed.IsOk)
        {
            if (pushed.Status == CommandStatus.AgentUnreachable)
            {
                // Leave the job assignable, and say why the last attempt did not go through.
                State.ErrorMessage = pushed.Error;
                await CommitAsync(State.Status, $"push to agent {agentId} failed");
            }
            var error = pushed.Status == CommandStatus.NotFound ? $"agent {agentId} not found" : pushed.Error!;
            return Fail(pushed.Status, error);
        }

        await AcceptRunAsync(agentId, request, $"{verb} agent {agentId}");
        return CommandResult<JobSnapshot>.Ok(Snapshot());
    }

    /// <summary>The pod took the job: it is processing there, in a new attempt.</summary>
    /// <param name="answerBeforeReadModel">A dispatched start: the dispatcher's board, the only one told, lives in memory
    /// and is rebuilt with the read model, so nothing acknowledged can be lost by answering first (ADR 0020).</param>
    private async Task AcceptRunAsync(Guid agentId, JobTrigger request, string cause, bool answerBeforeReadModel = false)
    {
        var unchanged = copier.Copy(State);
        var previous = State.Status;
        var now = clock.GetUtcNow();
        State.Status = JobLifecycle.Next(State.Status, JobTrigger.StartAccepted).To;
        State.AssignedAgentId = agentId;
        State.CompletedAt = null;
        State.ErrorMessage = null;
        State.ErrorDetailsJson = null;
        State.Dispatch = Dispatch.Begin(agentId, now);
        // A new run: its loop count starts afresh (a person chose to run it again), and its heartbeat tokens are counted
        // from zero on top of the earlier runs'.
        State.Loop = LoopTrack.Empty;
        State.Looping = false;
        State.HeartbeatTokensBefore += State.HeartbeatRunTokens;
        State.HeartbeatRunTokens = 0;
        if (request == JobTrigger.AssignRequested) State.Progress = null; // a fresh start, not a continuation
        // The pace is measured per run: samples from before a pause would count the pause as slow work. A resumed
        // run starts from where the last report left off.
        State.ProgressSamples = State.Progress is { ProcessedRequirements: { } soFar }
            ? [new ProgressSample(now, soFar, State.Progress.TotalRequirements)]
            : [];
        try
        {
            // The activation stays, with the state it had, so that it remembers the withdrawal below.
            await CommitAsync(previous, cause, now, restoreOnFailure: unchanged, answerBeforeReadModel: answerBeforeReadModel);
        }
        catch
        {
            // The agent took the job but the job's record could not be written, so the caller hears that nothing
            // changed: the agent must drop the job again (best effort; its report of the run is then stale here).
            await WithdrawFromAsync(agentId);
            throw;
        }
        _withdrawnFrom = null;
        await WatchTimeoutAsync();
    }

    public async Task OnAgentWorkingAsync(Guid agentId)
    {
        if (!State.Exists || (State.AssignedAgentId is { } assigned && assigned != agentId) || _withdrawnFrom == agentId) return;
        var transition = JobLifecycle.Next(State.Status, JobTrigger.AgentReportsWorking);
        if (transition.To == State.Status) return; // the job knows it runs, or it finished: nothing to recover

        var previous = State.Status;
        State.Status = transition.To;
        State.AssignedAgentId = agentId;
        State.CompletedAt = null;
        State.ErrorMessage = null;
        State.ErrorDetailsJson = null;
        State.Progress = null;
        State.ProgressSamples = [];
        State.Dispatch = Dispatch.Begin(agentId, clock.GetUtcNow());
        await CommitAsync(previous, $"agent {agentId} reports working on the job: assignment recovered");
        await WatchTimeoutAsync();
    }

    private async Task WithdrawFromAsync(Guid agentId)
    {
        _withdrawnFrom = agentId;
        try
        {
            await GrainFactory.GetGrain<IAgentGrain>(agentId).CancelJobAsync(Id);
        }
        catch (Exception)
        {
            // Unreachable too: the agent keeps the job until it reports an outcome, which this job ignores.
        }
    }

    /// <summary>
    /// Documents live under the job's own folder when uploaded; the agent gets the paths as they are stored.
    /// </summary>
    private JobSpec SpecForAgent() => Snapshot().ToSpec();
}

using Cockpit.Grains.Agents;
using Cockpit.Grains.Events;
using Cockpit.Grains.Jobs.Progress;
using Cockpit.Grains.Lifecycle;
using Cockpit.Grains.Ports;
using Orleans.Serialization;

namespace Cockpit.Grains.Jobs;

/// <summary>
/// One job. Commands from people are checked against <see cref="JobLifecycle"/> before anything is pushed;
/// reports from agents arrive one-way and are applied only when they still concern this job's current run.
/// </summary>
public sealed class JobGrain(
    [PersistentState("job", GrainStorage.Name)] IPersistentState<JobState> store,
    IDomainEventSink events,
    DeepCopier<JobState> copier,
    TimeProvider clock) : Grain, IJobGrain
{
    // The agent this activation told to drop a run it could not record (its caller heard "nothing changed"). That
    // agent's reports of working on the job, some perhaps already on their way, are not adopted as a recovered
    // assignment; a later successful push clears it. Memory only: it guards the seconds after the failure.
    private Guid? _withdrawnFrom;

    private JobState State => store.State;
    private Guid Id => this.GetPrimaryKey();

    public async Task<CommandResult<JobSnapshot>> CreateAsync(JobSpec spec)
    {
        if (State.Exists) return Fail(CommandStatus.Conflict, $"job {Id} already exists");
        var now = clock.GetUtcNow();
        State.Exists = true;
        State.Prompt = spec.Prompt;
        State.DocumentPath = spec.DocumentPath;
        State.DocumentDir = spec.DocumentDir;
        State.ConfigName = spec.ConfigName;
        State.ContextJson = spec.ContextJson;
        State.Instructions = spec.Instructions;
        State.Status = JobStatus.Created;
        State.CreatedAt = now;
        await CommitAsync(null, "created", now);
        return CommandResult<JobSnapshot>.Ok(Snapshot());
    }

    public Task<JobSnapshot?> GetAsync() => Task.FromResult(State.Exists ? Snapshot() : null);

    public async Task<CommandResult<JobSnapshot>> EnqueueAsync()
    {
        if (!State.Exists) return NotFound();
        var transition = JobLifecycle.Next(State.Status, JobTrigger.Enqueue);
        if (transition.IsRefused) return Fail(CommandStatus.Conflict, transition.Reason!);
        var previous = State.Status;
        State.Status = transition.To;
        await CommitAsync(previous, "queued for dispatch");
        return CommandResult<JobSnapshot>.Ok(Snapshot());
    }

    public Task<CommandResult<JobSnapshot>> AssignAsync(Guid agentId) =>
        RunOnAgentAsync(agentId, JobTrigger.AssignRequested, "assigned to", agent => agent.StartJobAsync(SpecForAgent()));

    public Task<CommandResult<JobSnapshot>> ResumeAsync(Guid? agentId)
    {
        if (!State.Exists) return Task.FromResult(NotFound());
        var target = agentId ?? State.AssignedAgentId;
        if (target is not { } resolved)
        {
            return Task.FromResult(Fail(CommandStatus.Conflict, "the job never ran on an agent: name the agent to resume it on (agent_id)"));
        }
        return RunOnAgentAsync(resolved, JobTrigger.ResumeRequested, "resumed on", agent => agent.ResumeJobAsync(Id));
    }

    public async Task<CommandResult<JobSnapshot>> CancelAsync()
    {
        if (!State.Exists) return NotFound();
        var transition = JobLifecycle.Next(State.Status, JobTrigger.CancelRequested);
        if (transition.IsRefused) return Fail(CommandStatus.Conflict, transition.Reason!);

        string? deliveryProblem = null;
        if (State.Status == JobStatus.Processing && State.AssignedAgentId is { } agentId)
        {
            var pushed = await GrainFactory.GetGrain<IAgentGrain>(agentId).CancelJobAsync(Id);
            // The person's intent wins: the job is cancelled even if the pod cannot hear it; we record why.
            if (!pushed.IsOk && pushed.Status != CommandStatus.NotFound) deliveryProblem = pushed.Error;
        }

        var previous = State.Status;
        State.Status = transition.To;
        State.ErrorMessage = deliveryProblem is null ? null : $"cancelled, but the agent was not told: {deliveryProblem}";
        await CommitAsync(previous, "cancelled");
        return CommandResult<JobSnapshot>.Ok(Snapshot());
    }

    public async Task<CommandResult<JobSnapshot>> DeleteAsync()
    {
        if (!State.Exists) return NotFound();
        var transition = JobLifecycle.Next(State.Status, JobTrigger.DeleteRequested);
        if (transition.IsRefused) return Fail(CommandStatus.Conflict, transition.Reason!);

        var last = Snapshot();
        var version = State.Version + 1;
        await store.ClearStateAsync();
        // Keep the version across the clear so that a late event can never overwrite the deletion.
        State.Version = version;
        events.Publish(new JobChanged(clock.GetUtcNow(), last with { Version = version }, last.Status, "deleted", Deleted: true));
        DeactivateOnIdle();
        return CommandResult<JobSnapshot>.Ok(last);
    }

    public async Task OnAgentReportAsync(AgentJobReport report)
    {
        if (!State.Exists || State.AssignedAgentId != report.AgentId) return;
        var trigger = report.Kind switch
        {
            JobEffectKind.Completed => JobTrigger.AgentCompleted,
            JobEffectKind.Failed => JobTrigger.AgentFailed,
            _ => JobTrigger.AgentLost,
        };
        var transition = JobLifecycle.Next(State.Status, trigger);
        if (transition.To == State.Status) return; // stale: the job moved on (cancelled, already finished)

        var previous = State.Status;
        var now = clock.GetUtcNow();
        State.Status = transition.To;
        State.CompletedAt = now;
        State.ErrorMessage = report.ErrorMessage;
        State.ErrorDetailsJson = report.ErrorDetailsJson;
        if (report.FinalProgress is { } final) RecordProgress(final);
        var cause = report.Kind switch
        {
            JobEffectKind.Completed => $"agent {report.AgentId} reported completed",
            JobEffectKind.Failed => $"agent {report.AgentId} reported failed: {report.ErrorMessage}",
            _ => report.ErrorMessage ?? "agent lost the job",
        };
        await CommitAsync(previous, cause, now);
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
        await CommitAsync(previous, $"agent {agentId} reports working on the job: assignment recovered");
    }

    public async Task OnProgressAsync(Guid agentId, JobProgress progress)
    {
        if (!State.Exists || State.AssignedAgentId != agentId || State.Status != JobStatus.Processing) return;
        // The agent repeats unchanged progress now and then (its reports are one-way); that is no news and no write,
        // and the time of the last real progress stays what it was.
        if (progress.SaysSameAs(State.Progress)) return;
        RecordProgress(progress);
        await CommitAsync(State.Status, "progress", progress.ReportedAt);
    }

    /// <summary>The last report, and a sample of it for the rate and ETA (<see cref="ProgressHistory"/>).</summary>
    private void RecordProgress(JobProgress progress)
    {
        State.Progress = progress;
        if (progress.ProcessedRequirements is { } processed)
        {
            State.ProgressSamples = [.. ProgressHistory.Append(State.ProgressSamples,
                new ProgressSample(progress.ReportedAt, processed, progress.TotalRequirements))];
        }
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

        var unchanged = copier.Copy(State);
        var previous = State.Status;
        State.Status = JobLifecycle.Next(State.Status, JobTrigger.StartAccepted).To;
        State.AssignedAgentId = agentId;
        State.CompletedAt = null;
        State.ErrorMessage = null;
        State.ErrorDetailsJson = null;
        if (request == JobTrigger.AssignRequested) State.Progress = null; // a fresh start, not a continuation
        // The pace is measured per run: samples from before a pause would count the pause as slow work. A resumed
        // run starts from where the last report left off.
        State.ProgressSamples = State.Progress is { ProcessedRequirements: { } soFar }
            ? [new ProgressSample(clock.GetUtcNow(), soFar, State.Progress.TotalRequirements)]
            : [];
        try
        {
            // The activation stays, with the state it had, so that it remembers the withdrawal below.
            await CommitAsync(previous, $"{verb} agent {agentId}", restoreOnFailure: unchanged);
        }
        catch
        {
            // The agent took the job but the job's record could not be written, so the caller hears that nothing
            // changed: the agent must drop the job again (best effort; its report of the run is then stale here).
            await WithdrawFromAsync(agentId);
            throw;
        }
        _withdrawnFrom = null;
        return CommandResult<JobSnapshot>.Ok(Snapshot());
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

    /// <param name="restoreOnFailure">
    /// The state from before the change, to keep the activation with it when the write fails; without it the
    /// activation is dropped (see <see cref="PersistentStateWrites"/>).
    /// </param>
    private async Task CommitAsync(JobStatus? previous, string cause, DateTimeOffset? at = null, JobState? restoreOnFailure = null)
    {
        var now = at ?? clock.GetUtcNow();
        State.UpdatedAt = now;
        State.Version++;
        if (restoreOnFailure is null) await store.WriteOrDeactivateAsync(DeactivateOnIdle);
        else await store.WriteOrRestoreAsync(restoreOnFailure, DeactivateOnIdle);
        events.Publish(new JobChanged(now, Snapshot(), previous, cause));
    }

    private CommandResult<JobSnapshot> NotFound() => Fail(CommandStatus.NotFound, $"job {Id} not found");

    private CommandResult<JobSnapshot> Fail(CommandStatus status, string error) =>
        CommandResult<JobSnapshot>.Fail(status, error, State.Exists ? Snapshot() : null);

    private JobSnapshot Snapshot() => new(Id, State.Prompt, State.DocumentPath, State.DocumentDir, State.ConfigName,
        State.ContextJson, State.Instructions, State.Status, State.AssignedAgentId, State.CreatedAt, State.UpdatedAt,
        State.CompletedAt, State.ErrorMessage, State.ErrorDetailsJson, State.Progress, State.Version, State.ProgressSamples.ToArray());
}

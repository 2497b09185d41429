// A job's grain, read like a map. This part: what the job persists, its activation, and the commands people send
// (create, enqueue, priority, assign, resume, cancel, delete), each checked against JobLifecycle before anything changes.
// The rest of the job's life is in the other parts, one concern each, so that each reads on its own:
//   JobGrain.Starts.cs     a run begins on an agent: dispatched, assigned or resumed by a person, or recovered
//   JobGrain.Attempts.cs   a run goes on and ends: progress, the agent's outcome, the time bound, a retry or the failure
//   JobGrain.Budgets.cs    what a run spends: its budget, usage and runaway loops, and the stop they lead to
//   JobGrain.ReadModel.cs  how every change leaves the grain: written, told to the dispatcher, in the read model

using Cockpit.Grains.Agents;
using Cockpit.Grains.Budgets;
using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Events;
using Cockpit.Grains.Lifecycle;
using Cockpit.Grains.Ports;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace Cockpit.Grains.Jobs;

/// <summary>
/// One job. Commands from people are checked against <see cref="JobLifecycle"/> before anything is pushed;
/// reports from agents arrive one-way and are applied only when they still concern this job's current run.
/// A queued job (<see cref="DispatchMode.Auto"/>) is started by the <see cref="IDispatcherGrain"/>, which it tells of
/// every change of status or queue place; its failed attempts go back to the queue while attempts remain.
/// </summary>
public sealed partial class JobGrain(
    [PersistentState("job", GrainStorage.Name)] IPersistentState<JobState> store,
    IDomainEventSink events,
    IJobNotes notes,
    DeepCopier<JobState> copier,
    TimeProvider clock,
    ILogger<JobGrain> logger) : Grain, IJobGrain, IRemindable
{
    private JobState State => store.State;
    private Guid Id => this.GetPrimaryKey();
    private JobDispatch Dispatch => State.Dispatch ?? JobDispatch.For(DispatchSpec.Manual);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Exists) _committed = Snapshot();
        return Task.CompletedTask;
    }

    public async Task<CommandResult<JobSnapshot>> CreateAsync(JobSpec spec, DispatchSpec? dispatch = null)
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
        State.Budget = spec.Budget is { IsEmpty: false } budget ? budget : null;
        State.CreatedAt = now;
        var plan = JobDispatch.For(dispatch ?? DispatchSpec.Manual);
        var queued = plan.Spec.Mode == DispatchMode.Auto;
        State.Dispatch = queued ? plan.Queued(now) : plan;
        State.Status = queued ? JobStatus.Pending : JobStatus.Created;
        // Answered once written, before the read model holds it: the caller waits for that with WhenInReadModelAsync,
        // outside this grain's turn, so that the dispatcher's start of the job need not wait too (ADR 0020).
        await CommitAsync(null, queued ? "created and queued for dispatch" : "created", now, answerBeforeReadModel: true);
        return CommandResult<JobSnapshot>.Ok(Snapshot());
    }

    public Task<JobSnapshot?> GetAsync() => Task.FromResult(State.Exists ? Snapshot() : null);

    public async Task<CommandResult<JobSnapshot>> EnqueueAsync()
    {
        if (!State.Exists) return NotFound();
        var transition = JobLifecycle.Next(State.Status, JobTrigger.Enqueue);
        if (transition.IsRefused) return Fail(CommandStatus.Conflict, transition.Reason!);
        var previous = State.Status;
        var now = clock.GetUtcNow();
        State.Status = transition.To;
        // A person queued it: earlier attempts (a failed run, a cancelled one) do not count against its attempts.
        State.Dispatch = Dispatch.Queued(now) with { AttemptsBeforeQueue = Dispatch.Attempts.Length };
        State.ErrorMessage = null;
        State.ErrorDetailsJson = null;
        await CommitAsync(previous, "queued for dispatch", now);
        return CommandResult<JobSnapshot>.Ok(Snapshot());
    }

    public async Task<CommandResult<JobSnapshot>> SetPriorityAsync(int priority)
    {
        if (!State.Exists) return NotFound();
        if (State.Status == JobStatus.Completed) return Fail(CommandStatus.Conflict, "the job is already completed");
        if (Dispatch.Spec.Priority == priority) return CommandResult<JobSnapshot>.Ok(Snapshot());
        State.Dispatch = Dispatch with { Spec = Dispatch.Spec with { Priority = priority } };
        await CommitAsync(State.Status, $"priority set to {priority}", tellDispatcher: true);
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
        // A job stopped by its budget would only be stopped again by its next call: the budget is raised first.
        if (!JobLifecycle.Next(State.Status, JobTrigger.ResumeRequested).IsRefused
            && BudgetRules.Check(State.Budget, Use()) is { Verdict: BudgetVerdict.Exceeded } over)
        {
            return Task.FromResult(Fail(CommandStatus.Conflict, $"{over.Message}: raise the budget first (PUT /api/jobs/{Id}/budget)"));
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
        var now = clock.GetUtcNow();
        State.Status = transition.To;
        State.ErrorMessage = deliveryProblem is null ? null : $"cancelled, but the agent was not told: {deliveryProblem}";
        State.Dispatch = Dispatch.EndRunning(now, AttemptOutcome.Cancelled, "cancelled by an operator") with { NotBefore = null };
        await CommitAsync(previous, "cancelled", now);
        await ForgetTimeoutAsync();
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
        _committed = null;
        TellDispatcher(deleted: true);
        await BoundedAsync(PublishTracked(new JobChanged(clock.GetUtcNow(), last with { Version = version }, last.Status, "deleted", Deleted: true)), version);
        await ForgetTimeoutAsync();
        DeactivateOnIdle();
        return CommandResult<JobSnapshot>.Ok(last);
    }

    private QueuedJob Queued() => Dispatch.ToQueued(Id, State.ConfigName);

    private CommandResult<JobSnapshot> NotFound() => Fail(CommandStatus.NotFound, $"job {Id} not found");

    private CommandResult<JobSnapshot> Fail(CommandStatus status, string error) =>
        CommandResult<JobSnapshot>.Fail(status, error, State.Exists ? Snapshot() : null);

    private JobSnapshot Snapshot() => new(Id, State.Prompt, State.DocumentPath, State.DocumentDir, State.ConfigName,
        State.ContextJson, State.Instructions, State.Status, State.AssignedAgentId, State.CreatedAt, State.UpdatedAt,
        State.CompletedAt, State.ErrorMessage, State.ErrorDetailsJson, State.Progress, State.Version, State.ProgressSamples.ToArray(),
        Dispatch,
        State.Budget, State.BudgetWarning, State.Looping);
}

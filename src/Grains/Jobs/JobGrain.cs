using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Cockpit.Grains.Agents;
using Cockpit.Grains.Budgets;
using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Events;
using Cockpit.Grains.Jobs.Progress;
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
public sealed class JobGrain(
    [PersistentState("job", GrainStorage.Name)] IPersistentState<JobState> store,
    IDomainEventSink events,
    IJobNotes notes,
    DeepCopier<JobState> copier,
    TimeProvider clock,
    ILogger<JobGrain> logger) : Grain, IJobGrain, IRemindable
{
    // Bounds one attempt's run (timeout_seconds). A reminder, not a timer, so that the bound holds when this grain's
    // silo dies during the run; its period is Orleans' minimum, a late second look should the first tick be missed.
    private const string AttemptTimeoutReminder = "attempt-timeout";
    private static readonly TimeSpan ReminderRetryPeriod = TimeSpan.FromMinutes(1);

    // How long a change the dispatcher acts on waits for the read model (see BoundedAsync). Well under the
    // 30 s a caller waits for an answer; the projector normally takes milliseconds.
    private static readonly TimeSpan ReadModelWait = TimeSpan.FromSeconds(10);

    // The agent this activation told to drop a run it could not record (its caller heard "nothing changed"). That
    // agent's reports of working on the job, some perhaps already on their way, are not adopted as a recovered
    // assignment; a later successful push clears it. Memory only: it guards the seconds after the failure.
    private Guid? _withdrawnFrom;

    // The read model's side of this activation (ADR 0020): the record as last written, the newest version published
    // with a wait and that wait, and the newest version the read model is known to hold. WhenInReadModelAsync runs
    // between other calls' turns, so it reads these, never State, which a turn may be changing.
    private JobSnapshot? _committed;
    private (long Version, Task Written) _publishing = (0, Task.CompletedTask);
    private long _inReadModel;
    private bool _wroteSinceActivation;

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
        if (transition.To == State.Status)
        {
            // Stale: the job moved on (cancelled, already finished). An agent sends a report again until it is
            // acknowledged, so one that reaches an activation which has written nothing yet may follow a silo that died
            // between writing this job's end and the read model's batch: the record is published again before the
            // acknowledgement, or the end (and the freed concurrency slot) could stay missing there (ADR 0020).
            if (!_wroteSinceActivation) await WhenInReadModelAsync(State.Version);
            return;
        }

        var now = clock.GetUtcNow();
        if (report.FinalProgress is { } final) RecordProgress(final);
        var cause = report.Kind switch
        {
            JobEffectKind.Completed => $"agent {report.AgentId} reported completed",
            JobEffectKind.Failed => $"agent {report.AgentId} reported failed: {report.ErrorMessage}",
            _ => report.ErrorMessage ?? "agent lost the job",
        };
        if (report.Kind == JobEffectKind.Completed)
        {
            var previous = State.Status;
            State.Status = transition.To;
            State.CompletedAt = now;
            State.ErrorMessage = null;
            State.ErrorDetailsJson = report.ErrorDetailsJson;
            State.Dispatch = Dispatch.EndRunning(now, AttemptOutcome.Completed, null);
            await CommitAsync(previous, cause, now);
        }
        else
        {
            var outcome = report.Kind == JobEffectKind.Failed ? AttemptOutcome.Failed : AttemptOutcome.Lost;
            var error = report.ErrorMessage ?? (outcome == AttemptOutcome.Lost ? "the agent lost the job" : "the agent reported a failure");
            State.Dispatch = Dispatch.EndRunning(now, outcome, error);
            await AfterFailedAttemptAsync(outcome, report.ErrorMessage, report.ErrorDetailsJson, cause, now);
        }
        await ForgetTimeoutAsync();
    }

    /// <summary>
    /// After an attempt failed (its outcome already recorded): back to the queue after the backoff while attempts
    /// remain (queued jobs only), otherwise failed. True when it will be retried.
    /// </summary>
    private async Task<bool> AfterFailedAttemptAsync(AttemptOutcome outcome, string? error, string? errorDetailsJson, string cause, DateTimeOffset now)
    {
        var previous = State.Status;
        var decision = Dispatch.AfterAttempt(outcome);
        State.ErrorDetailsJson = errorDetailsJson;
        if (decision.Retry)
        {
            var retryAt = now + decision.Delay;
            State.Status = JobLifecycle.Next(previous, JobTrigger.RetryScheduled).To;
            State.CompletedAt = null;
            State.ErrorMessage = $"attempt {Dispatch.CountedAttempts} of {Dispatch.Spec.MaxAttempts} {Describe(outcome)}: {error ?? "no reason given"}; retrying";
            State.Dispatch = Dispatch.Queued(now, retryAt);
            await CommitAsync(previous, $"{cause}; retry {Dispatch.CountedAttempts + 1} of {Dispatch.Spec.MaxAttempts} at {retryAt.UtcDateTime:HH:mm:ss} UTC", now, tellDispatcher: true);
            return true;
        }
        State.Status = JobLifecycle.Next(previous, JobTrigger.LastAttemptFailed).To;
        State.CompletedAt = now;
        State.ErrorMessage = error ?? (outcome == AttemptOutcome.Lost ? "the agent lost the job" : "the attempt failed");
        State.Dispatch = Dispatch with { NotBefore = null };
        await CommitAsync(previous, cause, now, tellDispatcher: true);
        return false;
    }

    private static string Describe(AttemptOutcome outcome) => outcome switch
    {
        AttemptOutcome.Lost => "was lost",
        AttemptOutcome.Unreachable => "could not reach its agent",
        AttemptOutcome.TimedOut => "timed out",
        _ => "failed",
    };

    /// <summary>The attempt's time bound (see <see cref="AttemptTimeoutReminder"/>).</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != AttemptTimeoutReminder) return;
        var now = clock.GetUtcNow();
        if (!State.Exists || State.Status != JobStatus.Processing || Dispatch.Running is not { } running
            || Dispatch.Spec.TimeoutSeconds is not { } timeout)
        {
            await ForgetTimeoutAsync();
            return;
        }
        if (now - running.StartedAt < TimeSpan.FromSeconds(timeout)) return; // a tick of an earlier attempt's reminder

        // The pod is told first, so it saves its checkpoint and stops; then the attempt counts as timed out.
        string? cancelProblem = null;
        try
        {
            var cancelled = await GrainFactory.GetGrain<IAgentGrain>(running.AgentId).CancelJobAsync(Id);
            if (!cancelled.IsOk) cancelProblem = cancelled.Error;
        }
        catch (Exception e)
        {
            cancelProblem = e.Message;
        }
        if (State.Status != JobStatus.Processing || Dispatch.Running?.Number != running.Number) return; // ended meanwhile
        var error = $"timed out after {timeout} s" + (cancelProblem is null ? "" : $" (the agent was not told: {cancelProblem})");
        State.Dispatch = Dispatch.EndRunning(now, AttemptOutcome.TimedOut, error);
        await AfterFailedAttemptAsync(AttemptOutcome.TimedOut, error, null, $"attempt on agent {running.AgentId} {error}", now);
        await ForgetTimeoutAsync();
    }

    private async Task WatchTimeoutAsync()
    {
        if (Dispatch.Spec.TimeoutSeconds is not { } timeout) return;
        try
        {
            await this.RegisterOrUpdateReminder(AttemptTimeoutReminder, TimeSpan.FromSeconds(timeout), ReminderRetryPeriod);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Job {JobId}: could not set its attempt's timeout of {Timeout} s", Id, timeout);
        }
    }

    private async Task ForgetTimeoutAsync()
    {
        if (Dispatch.Spec.TimeoutSeconds is null) return;
        try
        {
            if (await this.GetReminder(AttemptTimeoutReminder) is { } reminder) await this.UnregisterReminder(reminder);
        }
        catch (Exception e)
        {
            // The reminder ticks once more and finds nothing to time out, then goes.
            logger.LogDebug(e, "Job {JobId}: could not drop its timeout reminder", Id);
        }
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

    public async Task OnProgressAsync(Guid agentId, JobProgress progress)
    {
        if (!State.Exists || State.AssignedAgentId != agentId || State.Status != JobStatus.Processing) return;
        // The agent repeats unchanged progress now and then (its reports are one-way); that is no news and no write,
        // and the time of the last real progress stays what it was.
        if (progress.SaysSameAs(State.Progress)) return;
        RecordProgress(progress);
        await CommitAsync(State.Status, "progress", progress.ReportedAt);
    }

    public async Task<CommandResult<JobSnapshot>> SetBudgetAsync(JobBudget? budget)
    {
        if (!State.Exists) return NotFound();
        State.Budget = budget is { IsEmpty: false } ? budget : null;
        var check = BudgetRules.Check(State.Budget, Use());
        var warned = !State.BudgetWarning && check.Verdict != BudgetVerdict.Within;
        State.BudgetWarning = check.Verdict != BudgetVerdict.Within;
        await CommitAsync(State.Status, $"budget set: {Describe(State.Budget)}");
        if (warned) await NoteAsync("budget_warning", check.Message!);
        // Lowered below what a running job already used: it stops now, as its next call would stop it.
        if (check.Verdict == BudgetVerdict.Exceeded && State.Status == JobStatus.Processing)
        {
            await StopAsync(check.Message!, BudgetDetails(check), "budget_exceeded");
        }
        return CommandResult<JobSnapshot>.Ok(Snapshot());
    }

    public async Task OnUsageAsync(JobUsageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!State.Exists) return;
        // Totals come from the roll-ups after each batch; of two reports crossing on the way the larger is the later.
        if (report.Calls >= State.UsageCalls)
        {
            State.UsageCalls = report.Calls;
            State.UsageTokens = report.Tokens;
            State.UsageCostUsd = report.CostUsd;
        }
        // Loops concern the run going on; calls that arrive after it ended are history.
        LoopPolicy? newlyLooping = null;
        if (State.Status == JobStatus.Processing && report.RequestHashes.Count > 0)
        {
            State.Loop = LoopRules.Next(State.Loop, report.RequestHashes);
            if (!State.Looping && LoopRules.IsLooping(State.Loop, report.LoopPolicy.Repeats))
            {
                State.Looping = true;
                newlyLooping = report.LoopPolicy;
            }
        }
        await GuardAsync(newlyLooping);
    }

    public async Task OnAgentTokensAsync(Guid agentId, long runTokens)
    {
        if (!State.Exists || State.AssignedAgentId != agentId || State.Status != JobStatus.Processing) return;
        if (runTokens <= State.HeartbeatRunTokens) return; // old news, overtaken by a later report
        State.HeartbeatRunTokens = runTokens;
        // Without a budget, or with LLM calls reported (they count instead), there is nothing to enforce: memory only.
        if (State.Budget is null || State.UsageCalls > 0) return;
        await GuardAsync(null);
    }

    /// <summary>
    /// What the budget counts: the reported LLM calls; for an agent that reports none, the tokens of its heartbeats
    /// (no cost: their model is unknown).
    /// </summary>
    private BudgetUse Use() => State.UsageCalls > 0
        ? new BudgetUse(State.UsageCostUsd, State.UsageTokens)
        : new BudgetUse(null, State.HeartbeatTokensBefore + State.HeartbeatRunTokens);

    /// <summary>After usage changed: stop a running job past its budget or (LLM_LOOP_ACTION=cancel) found looping, else warn once.</summary>
    private async Task GuardAsync(LoopPolicy? newlyLooping)
    {
        var check = BudgetRules.Check(State.Budget, Use());
        if (State.Status == JobStatus.Processing && check.Verdict == BudgetVerdict.Exceeded)
        {
            await StopAsync(check.Message!, BudgetDetails(check), "budget_exceeded");
            return;
        }
        if (newlyLooping is { Action: LoopAction.Cancel } stop && State.Status == JobStatus.Processing)
        {
            await StopAsync(LoopRules.StopMessage(stop.Repeats), LoopDetails(stop), "looping");
            return;
        }

        var news = new List<(string Name, string Text)>();
        if (newlyLooping is { } flagged) news.Add(("looping", LoopRules.StopMessage(flagged.Repeats)));
        if (check.Verdict != BudgetVerdict.Within && !State.BudgetWarning)
        {
            State.BudgetWarning = true;
            news.Add(("budget_warning", check.Message!));
        }
        if (news.Count > 0)
        {
            await CommitAsync(State.Status, string.Join("; ", news.Select(n => n.Text)));
            foreach (var (name, text) in news) await NoteAsync(name, text);
        }
        else if (State.Budget is not null)
        {
            // Nothing anyone sees changed, but a raise or a resume must know what was used: kept, without an event.
            await store.WriteOrDeactivateAsync(DeactivateOnIdle);
        }
    }

    /// <summary>Cancels the running job on its pod (the pod saves its checkpoint) and ends it cancelled with <paramref name="message"/>.</summary>
    private async Task StopAsync(string message, JsonObject details, string noteName)
    {
        var transition = JobLifecycle.Next(State.Status, JobTrigger.CancelRequested);
        if (transition.IsRefused) return;
        if (State.AssignedAgentId is { } agentId)
        {
            try
            {
                var pushed = await GrainFactory.GetGrain<IAgentGrain>(agentId).CancelJobAsync(Id);
                // The job stops counting as running either way (as a person's cancel does); the details say the pod did not hear it.
                if (!pushed.IsOk && pushed.Status != CommandStatus.NotFound) details["agent_not_told"] = pushed.Error;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                details["agent_not_told"] = e.Message;
            }
        }
        var previous = State.Status;
        var now = clock.GetUtcNow();
        State.Status = transition.To;
        State.ErrorMessage = message;
        State.ErrorDetailsJson = details.ToJsonString();
        // Ended like an operator's cancel: no retry by the dispatcher (the next attempt would only overspend again).
        State.Dispatch = Dispatch.EndRunning(now, AttemptOutcome.Cancelled, message) with { NotBefore = null };
        if (noteName == "budget_exceeded") State.BudgetWarning = true;
        await CommitAsync(previous, message, now);
        await ForgetTimeoutAsync();
        await NoteAsync(noteName, message);
    }

    private JsonObject BudgetDetails(BudgetCheck check) => new()
    {
        ["reason"] = "budget_exceeded",
        ["cost_usd"] = State.UsageCalls > 0 ? State.UsageCostUsd : null,
        ["max_cost_usd"] = State.Budget?.MaxCostUsd,
        ["tokens"] = Use().Tokens,
        ["max_tokens"] = State.Budget?.MaxTokens,
        ["calls"] = State.UsageCalls,
        ["tokens_from"] = State.UsageCalls > 0 ? "llm_calls" : "heartbeats",
        ["share_used"] = check.ShareUsed,
    };

    private JsonObject LoopDetails(LoopPolicy policy) => new()
    {
        ["reason"] = "looping",
        ["repeats"] = State.Loop.Repeats,
        ["limit"] = policy.Repeats,
        ["request_hash"] = State.Loop.LastRequestHash,
        ["calls"] = State.UsageCalls,
        ["cost_usd"] = State.UsageCostUsd,
    };

    /// <summary>An audit note for the job; its id is stable per job, kind and version, so a retry stores it once.</summary>
    private async Task NoteAsync(string name, string summary)
    {
        var id = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{Id}/{name}/{State.Version}")).AsSpan(0, 16));
        try
        {
            await notes.AppendAsync(id, Id, State.AssignedAgentId, name, summary, clock.GetUtcNow());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The job's record and its event say the same; the note only repeats it in the audit trail.
            logger.LogWarning(e, "Job {JobId}: could not write the audit note {Name}: {Summary}", Id, name, summary);
        }
    }

    private static string Describe(JobBudget? budget) => budget is null
        ? "no limit"
        : string.Join(" and ", new[]
        {
            budget.MaxCostUsd is { } cost ? Usage.UsdText.Format(cost) : null,
            budget.MaxTokens is { } tokens ? $"{tokens} tokens" : null,
        }.Where(p => p is not null));

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
    /// <param name="tellDispatcher">Tell the dispatcher even when the status stays (a new queue place or priority).</param>
    /// <param name="answerBeforeReadModel">Publish a change the dispatcher acts on without waiting for the read model:
    /// the caller waits outside this turn (<see cref="WhenInReadModelAsync"/>), or nothing acknowledged hangs on it.</param>
    private async Task CommitAsync(JobStatus? previous, string cause, DateTimeOffset? at = null, JobState? restoreOnFailure = null,
        bool tellDispatcher = false, bool answerBeforeReadModel = false)
    {
        var now = at ?? clock.GetUtcNow();
        State.UpdatedAt = now;
        State.Version++;
        if (restoreOnFailure is null) await store.WriteOrDeactivateAsync(DeactivateOnIdle);
        else await store.WriteOrRestoreAsync(restoreOnFailure, DeactivateOnIdle);
        var snapshot = Snapshot();
        _committed = snapshot;
        _wroteSinceActivation = true;
        var change = new JobChanged(now, snapshot, previous, cause);
        if (tellDispatcher || previous != State.Status)
        {
            TellDispatcher();
            var written = PublishTracked(change);
            if (!answerBeforeReadModel) await BoundedAsync(written, change.Job.Version);
        }
        else events.Publish(change);
    }

    /// <summary>
    /// Completes once the read model holds version <paramref name="version"/> of this job or a newer one (bounded like every
    /// wait for it). Runs between other calls' turns: the caller of <see cref="CreateAsync"/> waits here while the
    /// dispatcher starts the job. An activation that did not publish that version itself (the one that did was lost with
    /// its silo) publishes its record again; the read model keeps the newest version of a row and one timeline entry per
    /// version, so a version it holds already changes nothing.
    /// </summary>
    public async Task WhenInReadModelAsync(long version)
    {
        if (_inReadModel >= version) return;
        var (published, written) = _publishing;
        if (published < version)
        {
            if (_committed is not { } committed || committed.Version < version) return; // deleted since, or never written
            var again = new JobChanged(clock.GetUtcNow(), committed, null, "recorded again: its silo stopped before the read model had it");
            written = PublishTracked(again);
            published = committed.Version;
        }
        await BoundedAsync(written, published);
    }

    /// <summary>Publishes a change the dispatcher acts on, for the read model to hold (ADR 0018); the wait is the caller's.</summary>
    private Task PublishTracked(JobChanged change)
    {
        var written = events.PublishWrittenAsync(change, CancellationToken.None);
        // The projector writes in publication order, so this wait covers every earlier version too.
        if (change.Job.Version >= _publishing.Version) _publishing = (change.Job.Version, written);
        return written;
    }

    /// <summary>
    /// Waits until the read model holds a published change the dispatcher acts on: the dispatcher is rebuilt from
    /// the read model after every silo died, so a queued job (or a freed concurrency slot, a new priority) that was only
    /// in the projector's memory would stay invisible to it until the job changed again (ADR 0018). The wait is for the
    /// projector's next batch, shared by every job changing meanwhile; it is bounded so that a read model that cannot
    /// be written (the database is away) does not hold the job for ever: the change is in the job's own record already.
    /// </summary>
    private async Task BoundedAsync(Task written, long version)
    {
        try
        {
            await written.WaitAsync(ReadModelWait);
            if (version > _inReadModel) _inReadModel = version;
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Job {JobId}: the read model did not take version {Version} within {Wait} s; the dispatcher sees it by its notice only",
                Id, version, ReadModelWait.TotalSeconds);
        }
        catch (OperationCanceledException)
        {
            // The projector stopped (a silo shutting down) before writing it: as unacknowledged as a timeout.
            logger.LogWarning("Job {JobId}: the read model stopped before taking version {Version}", Id, version);
        }
    }

    /// <summary>One way: the dispatcher never makes a job wait, and it asks the job before it starts anything.</summary>
    private void TellDispatcher(bool deleted = false)
    {
        var notice = new JobDispatchNotice(Id, State.Version, State.Status,
            State.Status == JobStatus.Pending ? Queued() : null, Dispatch.Spec.ConcurrencyKey,
            State.Status == JobStatus.Processing ? State.AssignedAgentId : null, deleted);
        _ = GrainFactory.GetGrain<IDispatcherGrain>(IDispatcherGrain.Key).JobChangedAsync(notice);
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

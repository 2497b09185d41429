// A job's grain: a run under way and how its attempt ends. The agent's progress and its report of the outcome (read by
// the pure AgentReportRules), the attempt's time bound (a reminder, so that it holds when the silo dies), and what a
// failed attempt leads to: back to the queue after a backoff while attempts remain, otherwise failed. Apart from the
// starts because all of this arrives later, from the agent or the reminder, and applies only while it still concerns
// the current attempt.

using Cockpit.Grains.Agents;
using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Jobs.Progress;
using Cockpit.Grains.Lifecycle;
using Microsoft.Extensions.Logging;

namespace Cockpit.Grains.Jobs;

public sealed partial class JobGrain
{
    // Bounds one attempt's run (timeout_seconds). A reminder, not a timer, so that the bound holds when this grain's
    // silo dies during the run; its period is Orleans' minimum, a late second look should the first tick be missed.
    private const string AttemptTimeoutReminder = "attempt-timeout";
    private static readonly TimeSpan ReminderRetryPeriod = TimeSpan.FromMinutes(1);

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

    public async Task OnAgentReportAsync(AgentJobReport report)
    {
        if (!State.Exists || State.AssignedAgentId != report.AgentId) return;
        var transition = JobLifecycle.Next(State.Status, AgentReportRules.Trigger(report.Kind));
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
        var cause = AgentReportRules.Cause(report);
        var outcome = AgentReportRules.Outcome(report.Kind);
        State.Dispatch = Dispatch.EndRunning(now, outcome, AgentReportRules.AttemptError(report));
        if (outcome == AttemptOutcome.Completed)
        {
            var previous = State.Status;
            State.Status = transition.To;
            State.CompletedAt = now;
            State.ErrorMessage = null;
            State.ErrorDetailsJson = report.ErrorDetailsJson;
            await CommitAsync(previous, cause, now);
        }
        else
        {
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
}

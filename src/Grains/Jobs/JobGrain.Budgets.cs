// A job's grain: what a run spends. The budget people set, the usage telemetry counts (LLM calls) or heartbeats report
// (tokens), runaway loops; past the budget, or looping under LLM_LOOP_ACTION=cancel, the running job is stopped like an
// operator's cancel, with an audit note. The rules are pure and live apart (BudgetRules, LoopRules); this part applies
// them to the job's record.

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Cockpit.Grains.Agents;
using Cockpit.Grains.Budgets;
using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Lifecycle;
using Microsoft.Extensions.Logging;

namespace Cockpit.Grains.Jobs;

public sealed partial class JobGrain
{
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
}

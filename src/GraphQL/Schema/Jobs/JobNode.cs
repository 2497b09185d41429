using Cockpit.Grains;
using Cockpit.Grains.Budgets;
using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Jobs.Progress;
using Cockpit.Storage.ReadModel;

namespace Cockpit.GraphQL.Schema.Jobs;

/// <summary>The source of the <c>Job</c> type: a job grain's snapshot, or a row of the <c>jobs</c> read model.</summary>
/// <param name="ProgressSamples">The grain's recent progress samples (for the ETA); null for a read-model row, which
/// does not keep them, so the ETA of such a job is read from its grain when asked for.</param>
/// <param name="Dispatch">How the job is dispatched and its attempts; null (a job from before dispatch): manual.</param>
public sealed record JobNode(
    Guid Id,
    string Prompt,
    string? DocumentPath,
    string? DocumentDir,
    string? ConfigName,
    string? ContextJson,
    string? Instructions,
    JobStatus Status,
    Guid? AssignedAgentId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt,
    string? ErrorMessage,
    string? ErrorDetailsJson,
    JobProgress? Progress,
    long Version,
    IReadOnlyList<ProgressSample>? ProgressSamples,
    JobDispatch? Dispatch = null)
{
    /// <summary>What the job may spend on LLM calls; null: no limit.</summary>
    public JobBudget? Budget { get; init; }

    /// <summary>80 % of the budget used.</summary>
    public bool BudgetWarning { get; init; }

    /// <summary>The same LLM request LLM_LOOP_REPEATS times in a row.</summary>
    public bool Looping { get; init; }

    public static JobNode From(JobSnapshot job) => new(
        job.Id, job.Prompt, job.DocumentPath, job.DocumentDir, job.ConfigName, job.ContextJson, job.Instructions, job.Status,
        job.AssignedAgentId, job.CreatedAt, job.UpdatedAt, job.CompletedAt, job.ErrorMessage, job.ErrorDetailsJson, job.Progress,
        job.Version, job.ProgressSamples ?? [], job.Dispatch)
    {
        Budget = job.Budget,
        BudgetWarning = job.BudgetWarning,
        Looping = job.Looping,
    };

    /// <summary>Null for a row whose status this build does not know (it cannot be shown as a <c>JobStatus</c>).</summary>
    public static JobNode? From(JobRow row) => StatusNames.TryParseJobStatus(row.Status, out var status)
        ? new JobNode(row.Id, row.Prompt, row.DocumentPath, row.DocumentDir, row.ConfigName, row.ContextJson, row.Instructions, status,
            row.AssignedAgentId, row.CreatedAt ?? default, row.UpdatedAt ?? default, row.CompletedAt, row.ErrorMessage, row.ErrorDetailsJson,
            row.TotalRequirements is null && row.ProcessedRequirements is null && row.ProgressMessage is null
                ? null
                : new JobProgress(row.TotalRequirements, row.ProcessedRequirements, row.ProgressMessage, row.LastProgressAt ?? row.UpdatedAt ?? default),
            row.Version, null, row.Dispatch)
        {
            Budget = row.BudgetMaxCostUsd is null && row.BudgetMaxTokens is null ? null : new JobBudget(row.BudgetMaxCostUsd, row.BudgetMaxTokens),
            BudgetWarning = row.BudgetWarning,
            Looping = row.Looping,
        }
        : null;

    /// <summary>The dispatch record, or what a job without one has: manual, with the documented defaults.</summary>
    public JobDispatch DispatchOrDefault => Dispatch ?? JobDispatch.For(DispatchSpec.Manual);
}

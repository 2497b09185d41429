using Cockpit.Grains;
using Cockpit.Grains.Budgets;
using Cockpit.Grains.Jobs;
using Cockpit.Grains.Jobs.Progress;
using Cockpit.Storage.ReadModel;

namespace Cockpit.Commands.Jobs;

/// <summary>
/// A job as every front end shows it, whichever source it was read from: the job grain's snapshot (single jobs, command
/// answers, subscriptions) or a row of the <c>jobs</c> read model (lists). The one place where a source becomes what the
/// outside sees; REST's <c>JobResponse</c> (which MCP's tools answer with too) and GraphQL's <c>Job</c> map from this
/// (ADR 0022). Positional on purpose: a new field does not compile until both sources fill it.
/// </summary>
/// <param name="ContextJson">Free-form JSON as text; each front end embeds it in its own way (REST as JSON, GraphQL as its scalar).</param>
/// <param name="StatusName">The wire name (<c>created</c>, <c>pending</c>, …). From a row as stored, so that a status a newer
/// build wrote still shows in REST and MCP rather than vanishing.</param>
/// <param name="Status">Null when this build does not know <paramref name="StatusName"/>; GraphQL, whose enum cannot show
/// it, leaves such a job out.</param>
/// <param name="Progress">The last progress the job's agent reported; null when it reported none.</param>
/// <param name="Version">The grain's version of the job; a subscription sends a job again only when this grew.</param>
/// <param name="ProgressSamples">The grain's recent progress samples (for a rate and ETA); null from a read-model row,
/// which does not keep them, so such a job's ETA is read from its grain when asked for.</param>
/// <param name="Budget">What the job may spend on LLM calls; null: no limit (a budget that sets neither limit is none).</param>
/// <param name="BudgetWarning">The job has used 80 % of its budget.</param>
/// <param name="Looping">The job sent the same LLM request LLM_LOOP_REPEATS times in a row.</param>
public sealed record JobView(
    Guid Id,
    string Prompt,
    string? DocumentPath,
    string? DocumentDir,
    string? ConfigName,
    string? ContextJson,
    string? Instructions,
    string StatusName,
    JobStatus? Status,
    Guid? AssignedAgentId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt,
    string? ErrorMessage,
    string? ErrorDetailsJson,
    JobProgress? Progress,
    long Version,
    IReadOnlyList<ProgressSample>? ProgressSamples,
    JobDispatchView Dispatch,
    JobBudget? Budget,
    bool BudgetWarning,
    bool Looping)
{
    public static JobView From(JobSnapshot job)
    {
        ArgumentNullException.ThrowIfNull(job);
        // A producer that keeps no samples still makes this a live source (empty, not null): its ETA is not looked up again.
        return new(job.Id, job.Prompt, job.DocumentPath, job.DocumentDir, job.ConfigName, job.ContextJson, job.Instructions,
            job.Status.ToWire(), job.Status, job.AssignedAgentId, job.CreatedAt, job.UpdatedAt, job.CompletedAt, job.ErrorMessage,
            job.ErrorDetailsJson, job.Progress, job.Version, job.ProgressSamples ?? [], JobDispatchView.From(job.Dispatch),
            job.Budget is { IsEmpty: false } budget ? budget : null, job.BudgetWarning, job.Looping);
    }

    /// <remarks>The time columns are nullable only for rows from before they were filled; the grain always sets them.</remarks>
    public static JobView From(JobRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Id, row.Prompt, row.DocumentPath, row.DocumentDir, row.ConfigName, row.ContextJson, row.Instructions,
            row.Status, StatusNames.TryParseJobStatus(row.Status, out var status) ? status : null, row.AssignedAgentId,
            row.CreatedAt ?? default, row.UpdatedAt ?? default, row.CompletedAt, row.ErrorMessage,
            row.ErrorDetailsJson, ProgressOf(row), row.Version, null, JobDispatchView.From(row.Dispatch),
            row.BudgetMaxCostUsd is null && row.BudgetMaxTokens is null ? null : new JobBudget(row.BudgetMaxCostUsd, row.BudgetMaxTokens),
            row.BudgetWarning, row.Looping);
    }

    /// <summary>
    /// Why a pending job has not started yet (the dispatcher's answer); null, without asking, for any other job. REST's
    /// single job read and GraphQL's <c>waitingReason</c> ask only when they show it: it costs a grain call.
    /// </summary>
    public async Task<string?> WaitingReasonAsync(IDispatchCommands dispatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        return Status == JobStatus.Pending ? await dispatch.GetWaitingReasonAsync(Id, cancellationToken) : null;
    }

    // The writer stores the grain's progress in four columns, last_progress_at whenever there is one (even a report with
    // neither counts nor message), so any of them set means the agent reported.
    private static JobProgress? ProgressOf(JobRow row) =>
        row.TotalRequirements is null && row.ProcessedRequirements is null && row.ProgressMessage is null && row.LastProgressAt is null
            ? null
            : new JobProgress(row.TotalRequirements, row.ProcessedRequirements, row.ProgressMessage, row.LastProgressAt ?? row.UpdatedAt ?? default);
}

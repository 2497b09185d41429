using System.Text.Json;
using Cockpit.Grains;
using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Jobs;
using Cockpit.Storage.ReadModel;

namespace Cockpit.Silo.Jobs;

/// <summary>A job as the REST API shows it: the seed's Job model (snake_case), plus progress.</summary>
public sealed record JobResponse
{
    public required Guid Id { get; init; }
    public required string Prompt { get; init; }
    public string? DocumentPath { get; init; }
    public string? DocumentDir { get; init; }
    public string? ConfigName { get; init; }
    public JsonElement? Context { get; init; }
    public string? Instructions { get; init; }
    public required string Status { get; init; }
    public Guid? AssignedAgentId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public string? ErrorMessage { get; init; }
    public JsonElement? ErrorDetails { get; init; }
    public JobProgressResponse? Progress { get; init; }

    /// <summary><c>manual</c> or <c>auto</c> (queued for the dispatcher).</summary>
    public string Dispatch { get; init; } = "manual";
    public int Priority { get; init; }
    public IReadOnlyDictionary<string, string> Selector { get; init; } = LabelDictionary.Empty;
    public int MaxAttempts { get; init; }
    public int RetryBackoffSeconds { get; init; }
    public int? TimeoutSeconds { get; init; }
    public string? ConcurrencyKey { get; init; }

    /// <summary>When the job last entered the queue.</summary>
    public DateTimeOffset? QueuedAt { get; init; }

    /// <summary>The end of a retry's backoff, while the job waits for its next attempt.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Every run of the job, oldest first.</summary>
    public IReadOnlyList<JobAttemptResponse> Attempts { get; init; } = [];

    /// <summary>Why a pending job has not started yet (single job reads only; null otherwise).</summary>
    public string? WaitingReason { get; init; }

    /// <summary>What the job may spend on LLM calls; null: no limit (ours, not the seed's).</summary>
    public JobBudgetResponse? Budget { get; init; }

    /// <summary>The job has used 80 % of its budget.</summary>
    public bool BudgetWarning { get; init; }

    /// <summary>The job sent the same LLM request LLM_LOOP_REPEATS times in a row.</summary>
    public bool Looping { get; init; }

    public static JobResponse From(JobSnapshot job) => WithDispatch(new()
    {
        Id = job.Id,
        Prompt = job.Prompt,
        DocumentPath = job.DocumentPath,
        DocumentDir = job.DocumentDir,
        ConfigName = job.ConfigName,
        Context = RawJson.Parse(job.ContextJson),
        Instructions = job.Instructions,
        Status = job.Status.ToWire(),
        AssignedAgentId = job.AssignedAgentId,
        CreatedAt = job.CreatedAt,
        UpdatedAt = job.UpdatedAt,
        CompletedAt = job.CompletedAt,
        ErrorMessage = job.ErrorMessage,
        ErrorDetails = RawJson.Parse(job.ErrorDetailsJson),
        Progress = job.Progress is { } p
            ? JobProgressResponse.From(p.TotalRequirements, p.ProcessedRequirements, p.Message, p.ReportedAt)
            : null,
        Budget = JobBudgetResponse.From(job.Budget),
        BudgetWarning = job.BudgetWarning,
        Looping = job.Looping,
    }, job.Dispatch);

    public static JobResponse From(JobRow row) => WithDispatch(new()
    {
        Id = row.Id,
        Prompt = row.Prompt,
        DocumentPath = row.DocumentPath,
        DocumentDir = row.DocumentDir,
        ConfigName = row.ConfigName,
        Context = RawJson.Parse(row.ContextJson),
        Instructions = row.Instructions,
        Status = row.Status,
        AssignedAgentId = row.AssignedAgentId,
        CreatedAt = row.CreatedAt ?? default,
        UpdatedAt = row.UpdatedAt ?? default,
        CompletedAt = row.CompletedAt,
        ErrorMessage = row.ErrorMessage,
        ErrorDetails = RawJson.Parse(row.ErrorDetailsJson),
        Progress = row.TotalRequirements is null && row.ProcessedRequirements is null && row.ProgressMessage is null
            ? null
            : JobProgressResponse.From(row.TotalRequirements, row.ProcessedRequirements, row.ProgressMessage, row.LastProgressAt),
        Budget = JobBudgetResponse.From(row.BudgetMaxCostUsd, row.BudgetMaxTokens),
        BudgetWarning = row.BudgetWarning,
        Looping = row.Looping,
    }, row.Dispatch);

    /// <summary>The dispatch fields, from the grain's record whichever source the job came from.</summary>
    private static JobResponse WithDispatch(JobResponse job, JobDispatch? dispatch)
    {
        var d = dispatch ?? JobDispatch.For(DispatchSpec.Manual);
        return job with
        {
            Dispatch = StatusNames.ToWire(d.Spec.Mode),
            Priority = d.Spec.Priority,
            Selector = d.Spec.Selector,
            MaxAttempts = d.Spec.MaxAttempts,
            RetryBackoffSeconds = d.Spec.RetryBackoffSeconds,
            TimeoutSeconds = d.Spec.TimeoutSeconds,
            ConcurrencyKey = d.Spec.ConcurrencyKey,
            QueuedAt = d.QueuedAt,
            NotBefore = d.NotBefore,
            Attempts = [.. d.Attempts.Select(JobAttemptResponse.From)],
        };
    }
}

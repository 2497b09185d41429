using System.Text.Json;
using Cockpit.Commands.Jobs;
using Cockpit.Grains;
using Cockpit.Grains.Dispatch;

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

    /// <summary>The one mapping from the view; a new field of a job is one line here.</summary>
    public static JobResponse From(JobView job) => new()
    {
        Id = job.Id,
        Prompt = job.Prompt,
        DocumentPath = job.DocumentPath,
        DocumentDir = job.DocumentDir,
        ConfigName = job.ConfigName,
        Context = RawJson.Parse(job.ContextJson),
        Instructions = job.Instructions,
        Status = job.StatusName,
        AssignedAgentId = job.AssignedAgentId,
        CreatedAt = job.CreatedAt,
        UpdatedAt = job.UpdatedAt,
        CompletedAt = job.CompletedAt,
        ErrorMessage = job.ErrorMessage,
        ErrorDetails = RawJson.Parse(job.ErrorDetailsJson),
        Progress = JobProgressResponse.From(job.Progress),
        Dispatch = job.Dispatch.Mode.ToWire(),
        Priority = job.Dispatch.Priority,
        Selector = job.Dispatch.Selector,
        MaxAttempts = job.Dispatch.MaxAttempts,
        RetryBackoffSeconds = job.Dispatch.RetryBackoffSeconds,
        TimeoutSeconds = job.Dispatch.TimeoutSeconds,
        ConcurrencyKey = job.Dispatch.ConcurrencyKey,
        QueuedAt = job.Dispatch.QueuedAt,
        NotBefore = job.Dispatch.NotBefore,
        Attempts = [.. job.Dispatch.Attempts.Select(JobAttemptResponse.From)],
        Budget = JobBudgetResponse.From(job.Budget),
        BudgetWarning = job.BudgetWarning,
        Looping = job.Looping,
    };
}

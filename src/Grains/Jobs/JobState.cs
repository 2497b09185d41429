using Cockpit.Grains.Budgets;
using Cockpit.Grains.Jobs.Progress;

namespace Cockpit.Grains.Jobs;

/// <summary>What a job's grain persists: the seed's job record.</summary>
[GenerateSerializer]
public sealed class JobState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Prompt { get; set; } = "";
    [Id(2)] public string? DocumentPath { get; set; }
    [Id(3)] public string? DocumentDir { get; set; }
    [Id(4)] public string? ConfigName { get; set; }
    [Id(5)] public string? ContextJson { get; set; }
    [Id(6)] public string? Instructions { get; set; }
    [Id(7)] public JobStatus Status { get; set; }
    [Id(8)] public Guid? AssignedAgentId { get; set; }
    [Id(9)] public DateTimeOffset CreatedAt { get; set; }
    [Id(10)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(11)] public DateTimeOffset? CompletedAt { get; set; }
    [Id(12)] public string? ErrorMessage { get; set; }
    [Id(13)] public string? ErrorDetailsJson { get; set; }
    [Id(14)] public JobProgress? Progress { get; set; }
    [Id(15)] public long Version { get; set; }

    /// <summary>Recent progress reports of the current run, oldest first (see <see cref="ProgressHistory"/>).</summary>
    [Id(16)] public List<ProgressSample> ProgressSamples { get; set; } = [];

    /// <summary>How the job is dispatched, its place in the queue and its attempts; null for jobs from before dispatch
    /// existed (read as <see cref="Dispatch.DispatchSpec.Manual"/>).</summary>
    [Id(17)] public Dispatch.JobDispatch? Dispatch { get; set; }
    // Budgets and runaway loops (40..59; see BudgetRules, LoopRules).

    /// <summary>What the job may spend on LLM calls; null: no limit.</summary>
    [Id(40)] public JobBudget? Budget { get; set; }

    /// <summary>LLM calls counted so far (telemetry), with their tokens and cost (null while every call was unpriced).</summary>
    [Id(41)] public long UsageCalls { get; set; }
    [Id(42)] public long UsageTokens { get; set; }
    [Id(43)] public decimal? UsageCostUsd { get; set; }

    /// <summary>Tokens from heartbeats (<c>metrics.tokens_processed</c>), for agents that report no LLM calls: of the
    /// runs before the current one, and of the current one (see HeartbeatTokenRules).</summary>
    [Id(44)] public long HeartbeatTokensBefore { get; set; }
    [Id(45)] public long HeartbeatRunTokens { get; set; }

    /// <summary>Warned at 80 % of the budget (once, until a new budget puts it below again).</summary>
    [Id(46)] public bool BudgetWarning { get; set; }

    /// <summary>The requests of the current run, for runaway loops; and whether it was found looping.</summary>
    [Id(47)] public LoopTrack Loop { get; set; } = LoopTrack.Empty;
    [Id(48)] public bool Looping { get; set; }
}

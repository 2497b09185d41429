namespace Cockpit.Storage.ReadModel;

/// <summary>One row of the <c>jobs</c> table, every column as stored.</summary>
/// <param name="ContextJson">The <c>context</c> jsonb column as JSON text.</param>
/// <param name="Status">Wire name (<c>created</c>, <c>processing</c>, …); parse with <c>StatusNames.TryParseJobStatus</c>.</param>
/// <param name="ErrorDetailsJson">The <c>error_details</c> jsonb column as JSON text.</param>
/// <param name="Version">The job grain's version of this row.</param>
/// <param name="Dispatch">The dispatch columns (migration 0061) as the grain's record.</param>
public sealed record JobRow(
    Guid Id,
    string Prompt,
    string? DocumentPath,
    string? DocumentDir,
    string? ConfigName,
    string? ContextJson,
    string? Instructions,
    string Status,
    Guid? AssignedAgentId,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? CompletedAt,
    string? ErrorMessage,
    string? ErrorDetailsJson,
    int? TotalRequirements,
    int? ProcessedRequirements,
    string? ProgressMessage,
    DateTimeOffset? LastProgressAt,
    long Version,
    Cockpit.Grains.Dispatch.JobDispatch? Dispatch = null)
{
    /// <summary>The <c>budget_max_cost_usd</c> column: the job's dollar limit, or null.</summary>
    public decimal? BudgetMaxCostUsd { get; init; }

    /// <summary>The <c>budget_max_tokens</c> column: the job's token limit, or null.</summary>
    public long? BudgetMaxTokens { get; init; }

    /// <summary>The <c>budget_warning</c> column: 80 % of the budget used.</summary>
    public bool BudgetWarning { get; init; }

    /// <summary>The <c>looping</c> column: the same LLM request LLM_LOOP_REPEATS times in a row.</summary>
    public bool Looping { get; init; }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Cockpit.Grains.Budgets;

/// <summary>
/// Budgets and runaway loops, bound from the flat keys named on each property and checked at start (a bad value stops
/// the silo with a message naming the key). The command layer reads the default budget, telemetry ingestion the loop rule.
/// </summary>
public sealed class BudgetOptions : IValidatableObject
{
    public const int DefaultLoopRepeats = 5;

    /// <summary>Most repeats LLM_LOOP_REPEATS may ask for; beyond it a loop has long cost more than anyone wanted.</summary>
    public const int MaxLoopRepeats = 1000;

    /// <summary>Largest dollar limit accepted anywhere (settings, job input): above it a "budget" protects nothing.</summary>
    public const decimal MaxCostUsd = 1_000_000m;

    /// <summary>
    /// JOB_DEFAULT_MAX_COST_USD: the dollar budget of a job that names none and whose config sets none. Default: unset,
    /// no budget; the operator decides what a job may cost, not the software.
    /// </summary>
    [ConfigurationKeyName("JOB_DEFAULT_MAX_COST_USD")]
    public decimal? DefaultMaxCostUsd { get; set; }

    /// <summary>
    /// LLM_LOOP_REPEATS: the same LLM request this many times in a row marks the job "looping". Default 5: an agent's
    /// retries of one failing step (the reference agent asks a chunk at most 3 times) stay below it, a stuck loop does not.
    /// </summary>
    [ConfigurationKeyName("LLM_LOOP_REPEATS")]
    public int LoopRepeats { get; set; } = DefaultLoopRepeats;

    /// <summary>
    /// LLM_LOOP_ACTION: <c>flag</c> (default: mark the job, let it run, a person decides) or <c>cancel</c> (stop it as a
    /// budget stop does, checkpoint kept).
    /// </summary>
    [ConfigurationKeyName("LLM_LOOP_ACTION")]
    public string LoopAction { get; set; } = "flag";

    public LoopPolicy LoopPolicy => new(LoopRepeats, ParseLoopAction(LoopAction) ?? Budgets.LoopAction.Flag);

    public static LoopAction? ParseLoopAction(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "flag" => Budgets.LoopAction.Flag,
        "cancel" => Budgets.LoopAction.Cancel,
        _ => null,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DefaultMaxCostUsd is { } cost && (cost <= 0 || cost > MaxCostUsd))
            yield return new ValidationResult($"JOB_DEFAULT_MAX_COST_USD must be more than 0 and at most {MaxCostUsd} (got {cost}).", [nameof(DefaultMaxCostUsd)]);
        if (LoopRepeats is < 2 or > MaxLoopRepeats)
            yield return new ValidationResult($"LLM_LOOP_REPEATS must be from 2 to {MaxLoopRepeats} (got {LoopRepeats}).", [nameof(LoopRepeats)]);
        if (ParseLoopAction(LoopAction) is null)
            yield return new ValidationResult($"LLM_LOOP_ACTION must be flag or cancel (got '{LoopAction}').", [nameof(LoopAction)]);
    }
}

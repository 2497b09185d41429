namespace Cockpit.Grains.Budgets;

/// <summary>
/// What a job may spend on LLM calls: dollars, tokens (input plus output), or both. A limit left null is no limit;
/// the job is stopped when it goes past either one.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record JobBudget(
    [property: Id(0)] decimal? MaxCostUsd,
    [property: Id(1)] long? MaxTokens)
{
    public bool IsEmpty => MaxCostUsd is null && MaxTokens is null;

    /// <summary>Each limit from <paramref name="first"/> when it sets one, else from <paramref name="fallback"/>; null when neither sets any.</summary>
    public static JobBudget? Merge(JobBudget? first, JobBudget? fallback)
    {
        var merged = new JobBudget(first?.MaxCostUsd ?? fallback?.MaxCostUsd, first?.MaxTokens ?? fallback?.MaxTokens);
        return merged.IsEmpty ? null : merged;
    }
}

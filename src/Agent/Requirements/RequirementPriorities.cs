namespace Cockpit.Agent.Requirements;

/// <summary>The priority words used in requirements.json.</summary>
public static class RequirementPriorities
{
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";

    /// <summary>Maps what an LLM wrote onto our three words; anything unknown is <paramref name="fallback"/>.</summary>
    public static string Normalize(string? value, string fallback) => value?.Trim().ToLowerInvariant() switch
    {
        "high" or "must" or "shall" or "critical" => High,
        "medium" or "should" or "normal" => Medium,
        "low" or "may" or "could" or "nice to have" => Low,
        _ => fallback,
    };
}

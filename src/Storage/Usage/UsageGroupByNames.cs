namespace Cockpit.Storage.Usage;

/// <summary>The wire names of <see cref="UsageGroupBy"/> (<c>group_by=config|model|agent</c>) and their columns.</summary>
public static class UsageGroupByNames
{
    public const string Config = "config";
    public const string Model = "model";
    public const string Agent = "agent";

    public static readonly IReadOnlyList<string> All = [Config, Model, Agent];

    public static bool TryParse(string? value, out UsageGroupBy groupBy)
    {
        groupBy = UsageGroupBy.Config;
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or Config: return true;
            case Model: groupBy = UsageGroupBy.Model; return true;
            case Agent: groupBy = UsageGroupBy.Agent; return true;
            default: return false;
        }
    }

    public static string Name(UsageGroupBy groupBy) => groupBy switch
    {
        UsageGroupBy.Model => Model,
        UsageGroupBy.Agent => Agent,
        _ => Config,
    };

    /// <summary>The roll-up column; from this fixed list only, never from input.</summary>
    internal static string Column(UsageGroupBy groupBy) => groupBy switch
    {
        UsageGroupBy.Model => "model",
        UsageGroupBy.Agent => "agent_id::text",
        _ => "config_name",
    };
}

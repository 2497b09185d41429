namespace Cockpit.Storage.Usage;

/// <summary>What usage statistics are grouped by: <c>config</c> (the agent's config name), <c>model</c> or <c>agent</c> (its id).</summary>
public enum UsageGroupBy
{
    Config,
    Model,
    Agent,
}

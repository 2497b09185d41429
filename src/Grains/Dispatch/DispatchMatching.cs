namespace Cockpit.Grains.Dispatch;

/// <summary>Which agent may run which job: the queue (config) and the selector. Pure.</summary>
public static class DispatchMatching
{
    /// <summary>
    /// The job's config is the queue: a job with one goes only to agents registered with it (the seed's meaning of
    /// config_name); a job without one goes to any agent. Every selector pair must be among the agent's labels.
    /// </summary>
    public static bool Matches(QueuedJob job, IdleAgent agent) =>
        Matches(job.ConfigName, job.Selector, agent.ConfigName, agent.Labels);

    public static bool Matches(string? jobConfig, IReadOnlyDictionary<string, string> selector,
        string agentConfig, IReadOnlyDictionary<string, string> labels) =>
        (jobConfig is null || string.Equals(jobConfig, agentConfig, StringComparison.Ordinal)) && SelectorMatches(selector, labels);

    public static bool SelectorMatches(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (key, value) in selector)
        {
            if (!labels.TryGetValue(key, out var label) || !string.Equals(label, value, StringComparison.Ordinal)) return false;
        }
        return true;
    }
}

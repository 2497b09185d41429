using Cockpit.Protocol;

namespace Cockpit.Agent.Configuration;

/// <summary>
/// Reads AGENT_LABELS (<c>gpu=true,region=eu</c>): comma-separated <c>key=value</c> pairs, blanks around each part
/// trimmed, empty entries (a trailing comma) skipped. A bad entry stops the agent at start-up instead of registering
/// it with labels it was not meant to have, which would silently route the wrong jobs to it.
/// </summary>
public static class AgentLabelsParser
{
    public const string Variable = "AGENT_LABELS";

    /// <exception cref="AgentConfigurationException">The message starts with AGENT_LABELS and names the bad entry.</exception>
    public static IReadOnlyDictionary<string, string> Parse(string? text)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text)) return labels;

        foreach (var entry in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = entry.IndexOf('=', StringComparison.Ordinal);
            if (separator < 0) throw Bad(entry, "is not key=value");
            var key = entry[..separator].Trim();
            var value = entry[(separator + 1)..].Trim();
            if (AgentLabelRules.KeyProblem(key) is { } keyProblem) throw Bad(entry, keyProblem);
            if (AgentLabelRules.ValueProblem(key, value) is { } valueProblem) throw Bad(entry, valueProblem);
            if (!labels.TryAdd(key, value)) throw Bad(entry, $"repeats the key '{key}'");
        }

        if (labels.Count > AgentLabelRules.MaxPairs)
            throw new AgentConfigurationException($"{Variable} has {labels.Count} labels; at most {AgentLabelRules.MaxPairs} are allowed.");
        return labels;
    }

    private static AgentConfigurationException Bad(string entry, string reason) => new($"{Variable} entry '{entry}': {reason}.");
}

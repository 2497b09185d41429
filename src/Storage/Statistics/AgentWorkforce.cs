using Cockpit.Grains;
using Cockpit.Grains.Agents;

namespace Cockpit.Storage.Statistics;

/// <summary>The agent workforce: all agents, and the same counts per config name (sorted by name).</summary>
public sealed record AgentWorkforce(AgentCounts All, IReadOnlyList<ConfigWorkforce> ByConfig)
{
    /// <summary>Adds up the rows of the workforce query. Unknown statuses count toward the total and online only.</summary>
    public static AgentWorkforce From(IEnumerable<AgentStatusCount> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        var byConfig = list
            .GroupBy(r => r.ConfigName, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ConfigWorkforce(g.Key, Count(g)))
            .ToList();
        return new AgentWorkforce(Count(list), byConfig);
    }

    private static AgentCounts Count(IEnumerable<AgentStatusCount> rows)
    {
        var byStatus = rows
            .GroupBy(r => r.Status, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Count), StringComparer.Ordinal);
        long Of(AgentStatus status) => byStatus.GetValueOrDefault(status.ToWire());

        var total = byStatus.Values.Sum();
        var offline = Of(AgentStatus.Offline);
        var online = total - offline;
        var working = Of(AgentStatus.Working);
        return new AgentCounts(total, online, working, Of(AgentStatus.Ready), Of(AgentStatus.Booting), Of(AgentStatus.Completed),
            Of(AgentStatus.Failed), offline, online == 0 ? null : Math.Round((double)working / online, 4));
    }
}

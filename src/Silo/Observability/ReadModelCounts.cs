using Cockpit.Grains;
using Cockpit.Grains.Agents;
using Cockpit.Storage.Statistics;

namespace Cockpit.Silo.Observability;

/// <summary>
/// The read-model counts behind the cockpit gauges, as read at <paramref name="ReadAt"/>. They are cluster-wide (every
/// silo reads the same tables), so dashboards should take max(), not sum(), across silos.
/// </summary>
/// <param name="Agents">Agents per (config name, status wire name); every status present for each config name seen.</param>
/// <param name="JobsByStatus">Jobs per status wire name; every job status present.</param>
/// <param name="StuckJobs">Processing jobs without progress for the stuck threshold (at most <see cref="StatisticsQueries.MaxStuckJobs"/>).</param>
public sealed record ReadModelCounts(
    IReadOnlyList<AgentStatusCount> Agents,
    IReadOnlyDictionary<string, long> JobsByStatus,
    long StuckJobs,
    DateTimeOffset ReadAt)
{
    /// <summary>Puts the statistics queries' answers into the gauges' shapes.</summary>
    public static ReadModelCounts From(AgentWorkforce workforce, QueueMetrics queue, int stuckJobs, DateTimeOffset readAt)
    {
        ArgumentNullException.ThrowIfNull(workforce);
        ArgumentNullException.ThrowIfNull(queue);
        var agents = workforce.ByConfig.SelectMany(config => ByStatus(config.ConfigName, config.Agents)).ToList();
        return new ReadModelCounts(agents, new Dictionary<string, long>(queue.ByStatus, StringComparer.Ordinal), stuckJobs, readAt);
    }

    private static IEnumerable<AgentStatusCount> ByStatus(string configName, AgentCounts counts) =>
    [
        new(configName, AgentStatus.Booting.ToWire(), counts.Booting),
        new(configName, AgentStatus.Ready.ToWire(), counts.Idle),
        new(configName, AgentStatus.Working.ToWire(), counts.Working),
        new(configName, AgentStatus.Completed.ToWire(), counts.Completed),
        new(configName, AgentStatus.Failed.ToWire(), counts.Failed),
        new(configName, AgentStatus.Offline.ToWire(), counts.Offline),
    ];
}

using Cockpit.Storage.Statistics;

namespace Cockpit.Silo.Statistics;

/// <summary>The agents registered with one config name (same counts as <see cref="AgentStatsResponse"/>).</summary>
public sealed record ConfigAgentStatsResponse(
    string ConfigName,
    long Total,
    long Online,
    long Working,
    long Idle,
    long Booting,
    long Completed,
    long Failed,
    long Offline,
    double? Utilization)
{
    public static ConfigAgentStatsResponse From(ConfigWorkforce group)
    {
        var a = group.Agents;
        return new ConfigAgentStatsResponse(group.ConfigName, a.Total, a.Online, a.Working, a.Idle, a.Booting, a.Completed, a.Failed,
            a.Offline, a.Utilization);
    }
}

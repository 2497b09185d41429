using Cockpit.Storage.Statistics;

namespace Cockpit.Silo.Statistics;

/// <summary>
/// <c>GET /api/stats/agents</c>: the workforce. Online is every agent that is not offline, idle is ready,
/// utilization is working / online (0–1, null with nobody online).
/// </summary>
public sealed record AgentStatsResponse(
    long Total,
    long Online,
    long Working,
    long Idle,
    long Booting,
    long Completed,
    long Failed,
    long Offline,
    double? Utilization,
    IReadOnlyList<ConfigAgentStatsResponse> ByConfig)
{
    public static AgentStatsResponse From(AgentWorkforce workforce)
    {
        var a = workforce.All;
        return new AgentStatsResponse(a.Total, a.Online, a.Working, a.Idle, a.Booting, a.Completed, a.Failed, a.Offline, a.Utilization,
            workforce.ByConfig.Select(ConfigAgentStatsResponse.From).ToArray());
    }
}

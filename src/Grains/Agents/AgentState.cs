namespace Cockpit.Grains.Agents;

/// <summary>What an agent's grain persists. Written on transitions, never on a plain heartbeat.</summary>
[GenerateSerializer]
public sealed class AgentState
{
    [Id(0)] public bool Registered { get; set; }
    [Id(1)] public string ConfigName { get; set; } = "";
    [Id(2)] public string? Hostname { get; set; }
    [Id(3)] public string PodIp { get; set; } = "";
    [Id(4)] public int PodPort { get; set; }
    [Id(5)] public int? Pid { get; set; }
    [Id(6)] public AgentStatus Status { get; set; }
    [Id(7)] public Guid? CurrentJobId { get; set; }
    [Id(8)] public DateTimeOffset RegisteredAt { get; set; }
    [Id(9)] public DateTimeOffset LastHeartbeat { get; set; }
    [Id(10)] public string MetadataJson { get; set; } = "{}";
    [Id(11)] public string? MetricsJson { get; set; }
    [Id(12)] public long Version { get; set; }

    /// <summary>
    /// Outcomes told to jobs and not yet acknowledged, oldest first. Written with the transition that produced them,
    /// so that a silo dying before the job heard of them cannot lose them: the grain sends them again until the job
    /// acknowledges (the job ignores what no longer applies).
    /// </summary>
    [Id(13)] public List<PendingJobReport> UndeliveredReports { get; set; } = [];

    /// <summary>What the agent offers, as it registered them; matched against jobs' selectors. A plain dictionary: grain
    /// storage writes it as JSON.</summary>
    [Id(14)] public Dictionary<string, string> Labels { get; set; } = [];
}

namespace Cockpit.Storage.ReadModel;

/// <summary>The latest heartbeat seen for one agent, waiting to be written.</summary>
internal readonly record struct AgentHeartbeat(Guid AgentId, DateTimeOffset At, string? MetricsJson)
{
    /// <summary>The later of two samples; keeps the earlier metrics when the later beat carried none.</summary>
    public static AgentHeartbeat Newest(AgentHeartbeat current, AgentHeartbeat incoming)
    {
        var (newer, older) = incoming.At >= current.At ? (incoming, current) : (current, incoming);
        return newer with { MetricsJson = newer.MetricsJson ?? older.MetricsJson };
    }
}

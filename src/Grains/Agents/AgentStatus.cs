namespace Cockpit.Grains.Agents;

/// <summary>The seed's agent lifecycle states. Wire names are the lower-case member names.</summary>
public enum AgentStatus
{
    Booting,
    Ready,
    Working,
    Completed,
    Failed,
    Offline,
}

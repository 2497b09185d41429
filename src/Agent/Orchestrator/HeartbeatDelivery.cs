namespace Cockpit.Agent.Orchestrator;

/// <summary>What became of one heartbeat.</summary>
public enum HeartbeatDelivery
{
    Delivered,

    /// <summary>404: the orchestrator does not know this agent id (it forgot it, or removed the agent); register again.</summary>
    UnknownAgent,

    /// <summary>No usable answer (network error, timeout, 5xx, other 4xx); try again later.</summary>
    Failed,
}

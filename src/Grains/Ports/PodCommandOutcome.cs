namespace Cockpit.Grains.Ports;

public enum PodCommandOutcome
{
    /// <summary>The pod answered 2xx: it took the command.</summary>
    Accepted,

    /// <summary>The pod answered and said no (4xx, e.g. it is busy); retrying the same command will not help.</summary>
    Rejected,

    /// <summary>No usable answer: connection refused, timeout, or 5xx after the retries.</summary>
    Unreachable,

    /// <summary>Not sent: the address is outside AGENT_ALLOWED_NETWORKS.</summary>
    Forbidden,
}

namespace Cockpit.Grains;

/// <summary>How a command to a grain ended; the HTTP and GraphQL layers map each to one answer.</summary>
public enum CommandStatus
{
    Ok,

    /// <summary>The job or agent does not exist (404).</summary>
    NotFound,

    /// <summary>The command does not fit the current state, or the agent pod refused it (409).</summary>
    Conflict,

    /// <summary>The agent pod could not be reached; nothing changed but the recorded error (502).</summary>
    AgentUnreachable,

    /// <summary>The agent's address is outside the allowed networks, so nothing was sent (409).</summary>
    Forbidden,
}

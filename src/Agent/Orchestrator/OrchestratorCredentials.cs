namespace Cockpit.Agent.Orchestrator;

/// <summary>
/// What the agent proves itself with: the registration token it was configured with, and the agent token the last
/// registration returned (null until then, or when the orchestrator requires none). The same agent token is what the
/// orchestrator's pushes must carry (<see cref="Jobs.PushAuthorization"/>).
/// </summary>
public sealed class OrchestratorCredentials(string? registrationToken)
{
    private volatile string? _agentToken;
    private volatile bool _registered;

    public string? RegistrationToken { get; } = registrationToken;

    /// <summary>Set by each successful registration; a new registration replaces it.</summary>
    public string? AgentToken => _agentToken;

    /// <summary>True once a registration succeeded, so <see cref="AgentToken"/> is what the orchestrator answered.</summary>
    public bool Registered => _registered;

    /// <summary>Keeps what a successful registration answered: the agent token, or null when the orchestrator issues none.</summary>
    public void Accept(string? agentToken)
    {
        _agentToken = string.IsNullOrEmpty(agentToken) ? null : agentToken;
        _registered = true;
    }
}

namespace Cockpit.Agent.Orchestrator;

/// <summary>
/// What the agent proves itself with: the registration token it was configured with, and the agent token the last
/// registration returned (null until then, or when the orchestrator requires none).
/// </summary>
public sealed class OrchestratorCredentials(string? registrationToken)
{
    private volatile string? _agentToken;

    public string? RegistrationToken { get; } = registrationToken;

    /// <summary>Set by each successful registration; a new registration replaces it.</summary>
    public string? AgentToken
    {
        get => _agentToken;
        set => _agentToken = value;
    }
}

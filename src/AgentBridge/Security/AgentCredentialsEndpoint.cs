namespace Cockpit.AgentBridge.Security;

/// <summary>
/// Endpoint metadata of the agent protocol: here <c>Authorization: Bearer</c> carries AGENT_REGISTRATION_TOKEN or an
/// agent token (<see cref="AgentTokens"/>), which the handlers check; people's API tokens are not looked for here.
/// </summary>
public sealed class AgentCredentialsEndpoint
{
    public static AgentCredentialsEndpoint Instance { get; } = new();
}

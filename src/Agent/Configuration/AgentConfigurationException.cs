namespace Cockpit.Agent.Configuration;

/// <summary>A configuration value the agent cannot start with; the message names the variable.</summary>
public sealed class AgentConfigurationException : Exception
{
    public AgentConfigurationException() { }

    public AgentConfigurationException(string message) : base(message) { }

    public AgentConfigurationException(string message, Exception innerException) : base(message, innerException) { }
}

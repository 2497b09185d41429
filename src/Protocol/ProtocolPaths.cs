namespace Cockpit.Protocol;

/// <summary>The seed's paths, in one place so that the agent and the orchestrator cannot drift apart.</summary>
public static class ProtocolPaths
{
    public const string Register = "/api/agents/register";
    public static string Heartbeat(Guid agentId) => $"/api/agents/{agentId}/heartbeat";
    public static string Agent(Guid agentId) => $"/api/agents/{agentId}";

    public const string JobStart = "/job/start";
    public const string JobCancel = "/job/cancel";
    public const string JobResume = "/job/resume";
    public const string Health = "/health";
    public const string Status = "/status";

    /// <summary>Seed default port of an agent pod.</summary>
    public const int DefaultAgentPort = 8001;
}

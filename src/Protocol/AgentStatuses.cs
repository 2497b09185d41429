namespace Cockpit.Protocol;

/// <summary>The seed's agent status strings, exactly as they travel on the wire.</summary>
public static class AgentStatuses
{
    public const string Booting = "booting";
    public const string Ready = "ready";
    public const string Working = "working";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Offline = "offline";

    /// <summary>What an agent may report about itself; <c>offline</c> is only ever decided by the orchestrator.</summary>
    public static readonly IReadOnlyList<string> Reportable = [Booting, Ready, Working, Completed, Failed];

    public static readonly IReadOnlyList<string> All = [Booting, Ready, Working, Completed, Failed, Offline];
}

namespace Cockpit.EndToEnd.Tests.Reliability;

/// <summary>Silo settings the fault tests share: liveness short enough that detection takes seconds, not minutes.</summary>
public static class ReliabilitySettings
{
    /// <summary>
    /// Heartbeat every second (the harness default), offline after 6 s of silence, checked every second; the roll call
    /// that finds a silent agent whose silo died runs every 3 s.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> FastLiveness = new Dictionary<string, string>
    {
        ["AGENT_OFFLINE_AFTER_SECONDS"] = "6",
        ["AGENT_SILENCE_CHECK_SECONDS"] = "1",
        ["AGENT_OFFLINE_REMINDER_SECONDS"] = "3",
        ["Logging__LogLevel__Default"] = "Warning",
    };
}

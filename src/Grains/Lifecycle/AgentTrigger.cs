namespace Cockpit.Grains.Lifecycle;

/// <summary>Everything that can move an agent between states.</summary>
public enum AgentTrigger
{
    /// <summary>The agent registered again (a restart): it starts over in <c>booting</c>.</summary>
    Registered,
    HeartbeatBooting,
    HeartbeatReady,
    HeartbeatWorking,
    HeartbeatCompleted,
    HeartbeatFailed,

    /// <summary>The agent's pod accepted <c>/job/start</c> or <c>/job/resume</c>.</summary>
    JobAccepted,

    /// <summary>No heartbeat within the offline grace.</summary>
    SilenceTimeout,
}

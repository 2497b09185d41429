using Cockpit.Grains.Agents;

namespace Cockpit.Silo.Configuration;

/// <summary>Binds <see cref="AgentLivenessOptions"/> from the environment; the defaults are documented there.</summary>
public static class LivenessSettings
{
    public static void Bind(IConfiguration config, AgentLivenessOptions options)
    {
        options.HeartbeatInterval = Settings.Seconds(config, "AGENT_HEARTBEAT_INTERVAL_SECONDS", options.HeartbeatInterval, 1, 3600);
        options.OfflineAfter = Settings.Seconds(config, "AGENT_OFFLINE_AFTER_SECONDS", options.OfflineAfter, 1, 86_400);
        if (options.OfflineAfter <= options.HeartbeatInterval)
        {
            throw new SettingException(
                $"AGENT_OFFLINE_AFTER_SECONDS ({options.OfflineAfter.TotalSeconds}) must be greater than AGENT_HEARTBEAT_INTERVAL_SECONDS " +
                $"({options.HeartbeatInterval.TotalSeconds}), or every agent would flap offline between heartbeats.");
        }
        options.ReminderPeriod = Settings.Seconds(config, "AGENT_OFFLINE_REMINDER_SECONDS", options.ReminderPeriod, 1, 3600);
        if (config["AGENT_JOB_CONFIRM_SECONDS"] is not null)
        {
            options.JobConfirmationGrace = Settings.Seconds(config, "AGENT_JOB_CONFIRM_SECONDS", TimeSpan.FromSeconds(120), 1, 3600);
        }
        if (config["AGENT_SILENCE_CHECK_SECONDS"] is not null)
        {
            options.SilenceCheckInterval = Settings.Seconds(config, "AGENT_SILENCE_CHECK_SECONDS", TimeSpan.FromSeconds(30), 1, 3600);
        }
    }
}

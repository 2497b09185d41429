namespace Cockpit.Grains.Agents;

/// <summary>How the orchestrator decides an agent is gone.</summary>
public sealed class AgentLivenessOptions
{
    /// <summary>
    /// How often agents are told to heartbeat (AGENT_HEARTBEAT_INTERVAL_SECONDS). Default: 60 s, the seed's interval.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Silence after which an agent is marked offline (AGENT_OFFLINE_AFTER_SECONDS). Default: 180 s, the seed's 3 minutes.
    /// </summary>
    public TimeSpan OfflineAfter { get; set; } = TimeSpan.FromSeconds(180);

    /// <summary>
    /// How often each silo's <see cref="AgentSilenceSweep"/> looks for silent agents among those active on it (the fast
    /// path; AGENT_SILENCE_CHECK_SECONDS).
    /// Default: a sixth of <see cref="OfflineAfter"/>, between 1 and 30 seconds, so detection is late by at most that.
    /// </summary>
    public TimeSpan? SilenceCheckInterval { get; set; }

    /// <summary>
    /// Period of the cluster's roll call (<see cref="IAgentRollCallGrain"/>, one reminder), which finds silent agents
    /// whose grain was lost with its silo (AGENT_OFFLINE_REMINDER_SECONDS). Default: 60 s, Orleans' minimum reminder
    /// period; such an agent is marked offline at most this long after the grace plus one silence check interval.
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long after a job push a job-less "ready" heartbeat is taken as stale (sent before the agent took the job)
    /// rather than as a lost job, unless a heartbeat has named the job since (AGENT_JOB_CONFIRM_SECONDS).
    /// Default: two heartbeat intervals.
    /// </summary>
    public TimeSpan? JobConfirmationGrace { get; set; }

    public TimeSpan EffectiveJobConfirmationGrace => JobConfirmationGrace ?? HeartbeatInterval * 2;

    public TimeSpan EffectiveSilenceCheckInterval =>
        SilenceCheckInterval ?? TimeSpan.FromTicks(Math.Clamp(OfflineAfter.Ticks / 6, TimeSpan.TicksPerSecond, 30 * TimeSpan.TicksPerSecond));
}

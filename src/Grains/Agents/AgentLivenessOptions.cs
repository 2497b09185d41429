using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Cockpit.Grains.Agents;

/// <summary>
/// How the orchestrator decides an agent is gone. The settings are the whole-second properties with a key; the
/// durations beside them are what the grains read (tests set those directly, below a second too).
/// </summary>
public sealed class AgentLivenessOptions : IValidatableObject
{
    /// <summary>How often agents are told to heartbeat. Default: 60 s, the seed's interval.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>AGENT_HEARTBEAT_INTERVAL_SECONDS: <see cref="HeartbeatInterval"/>, 1 to 3600.</summary>
    [ConfigurationKeyName("AGENT_HEARTBEAT_INTERVAL_SECONDS"), Range(1, 3600)]
    public int HeartbeatIntervalSeconds
    {
        get => (int)HeartbeatInterval.TotalSeconds;
        set => HeartbeatInterval = TimeSpan.FromSeconds(value);
    }

    /// <summary>Silence after which an agent is marked offline. Default: 180 s, the seed's 3 minutes.</summary>
    public TimeSpan OfflineAfter { get; set; } = TimeSpan.FromSeconds(180);

    /// <summary>AGENT_OFFLINE_AFTER_SECONDS: <see cref="OfflineAfter"/>, 1 to 86400, more than the heartbeat interval.</summary>
    [ConfigurationKeyName("AGENT_OFFLINE_AFTER_SECONDS"), Range(1, 86_400)]
    public int OfflineAfterSeconds
    {
        get => (int)OfflineAfter.TotalSeconds;
        set => OfflineAfter = TimeSpan.FromSeconds(value);
    }

    /// <summary>
    /// How often each silo's <see cref="AgentSilenceSweep"/> looks for silent agents among those active on it (the fast
    /// path). Default: unset, meaning a sixth of <see cref="OfflineAfter"/>, between 1 and 30 seconds, so detection is
    /// late by at most that.
    /// </summary>
    public TimeSpan? SilenceCheckInterval { get; set; }

    /// <summary>AGENT_SILENCE_CHECK_SECONDS: <see cref="SilenceCheckInterval"/>, 1 to 3600.</summary>
    [ConfigurationKeyName("AGENT_SILENCE_CHECK_SECONDS"), Range(1, 3600)]
    public int? SilenceCheckSeconds
    {
        get => SilenceCheckInterval is { } interval ? (int)interval.TotalSeconds : null;
        set => SilenceCheckInterval = value is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
    }

    /// <summary>
    /// Period of the cluster's roll call (<see cref="IAgentRollCallGrain"/>, one reminder), which finds silent agents
    /// whose grain was lost with its silo. Default: 60 s, Orleans' minimum reminder period; such an agent is marked
    /// offline at most this long after the grace plus one silence check interval.
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>AGENT_OFFLINE_REMINDER_SECONDS: <see cref="ReminderPeriod"/>, 1 to 3600.</summary>
    [ConfigurationKeyName("AGENT_OFFLINE_REMINDER_SECONDS"), Range(1, 3600)]
    public int ReminderPeriodSeconds
    {
        get => (int)ReminderPeriod.TotalSeconds;
        set => ReminderPeriod = TimeSpan.FromSeconds(value);
    }

    /// <summary>
    /// How long after a job push a job-less "ready" heartbeat is taken as stale (sent before the agent took the job)
    /// rather than as a lost job, unless a heartbeat has named the job since. Default: unset, meaning two heartbeat
    /// intervals (docs/adr/0004-stale-heartbeats.md).
    /// </summary>
    public TimeSpan? JobConfirmationGrace { get; set; }

    /// <summary>AGENT_JOB_CONFIRM_SECONDS: <see cref="JobConfirmationGrace"/>, 1 to 3600.</summary>
    [ConfigurationKeyName("AGENT_JOB_CONFIRM_SECONDS"), Range(1, 3600)]
    public int? JobConfirmationSeconds
    {
        get => JobConfirmationGrace is { } grace ? (int)grace.TotalSeconds : null;
        set => JobConfirmationGrace = value is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
    }

    public TimeSpan EffectiveJobConfirmationGrace => JobConfirmationGrace ?? HeartbeatInterval * 2;

    public TimeSpan EffectiveSilenceCheckInterval =>
        SilenceCheckInterval ?? TimeSpan.FromTicks(Math.Clamp(OfflineAfter.Ticks / 6, TimeSpan.TicksPerSecond, 30 * TimeSpan.TicksPerSecond));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OfflineAfter <= HeartbeatInterval)
        {
            yield return new ValidationResult(
                $"AGENT_OFFLINE_AFTER_SECONDS ({OfflineAfter.TotalSeconds}) must be greater than AGENT_HEARTBEAT_INTERVAL_SECONDS " +
                $"({HeartbeatInterval.TotalSeconds}), or every agent would flap offline between heartbeats.",
                [nameof(OfflineAfterSeconds)]);
        }
    }
}

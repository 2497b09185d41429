using System.ComponentModel.DataAnnotations;
using Cockpit.Grains.Dispatch;
using Microsoft.Extensions.Configuration;

namespace Cockpit.Commands.Jobs;

/// <summary>What a queued job gets when its submission does not say.</summary>
public sealed class DispatchDefaults
{
    /// <summary>
    /// JOB_MAX_ATTEMPTS: attempts of a queued job that does not set <c>max_attempts</c>. Default
    /// <see cref="DispatchLimits.DefaultMaxAttempts"/> (3: one try and two retries ride out a pod restart without hiding a
    /// job that fails every time).
    /// </summary>
    [ConfigurationKeyName("JOB_MAX_ATTEMPTS"), Range(DispatchLimits.MinAttempts, DispatchLimits.MaxAttempts)]
    public int MaxAttempts { get; set; } = DispatchLimits.DefaultMaxAttempts;

    /// <summary>
    /// JOB_RETRY_BACKOFF_SECONDS: delay after a queued job's first failed attempt when it does not say, doubling per
    /// attempt. Default <see cref="DispatchLimits.DefaultRetryBackoffSeconds"/> (10: long enough for a restarted pod to
    /// register again).
    /// </summary>
    [ConfigurationKeyName("JOB_RETRY_BACKOFF_SECONDS"), Range(0, DispatchLimits.MaxRetryBackoffSeconds)]
    public int RetryBackoffSeconds { get; set; } = DispatchLimits.DefaultRetryBackoffSeconds;
}

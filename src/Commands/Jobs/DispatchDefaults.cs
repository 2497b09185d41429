using Cockpit.Grains.Dispatch;

namespace Cockpit.Commands.Jobs;

/// <summary>What a queued job gets when its submission does not say.</summary>
public sealed class DispatchDefaults
{
    /// <summary>JOB_MAX_ATTEMPTS, 1..20. Default <see cref="DispatchLimits.DefaultMaxAttempts"/> (3).</summary>
    public int MaxAttempts { get; set; } = DispatchLimits.DefaultMaxAttempts;

    /// <summary>JOB_RETRY_BACKOFF_SECONDS, 0..600. Default <see cref="DispatchLimits.DefaultRetryBackoffSeconds"/> (10).</summary>
    public int RetryBackoffSeconds { get; set; } = DispatchLimits.DefaultRetryBackoffSeconds;
}

using Cockpit.Commands.Jobs;
using Cockpit.Grains.Dispatch;

namespace Cockpit.Silo.Configuration;

/// <summary>
/// The dispatch settings, read once at start so a bad value stops the silo with one line: JOB_MAX_ATTEMPTS and
/// JOB_RETRY_BACKOFF_SECONDS (defaults of a queued job, documented on <see cref="DispatchDefaults"/>) and
/// DISPATCH_RECONCILE_SECONDS (<see cref="DispatcherOptions.ReconcileInterval"/>).
/// </summary>
public sealed record DispatchSettings(int MaxAttempts, int RetryBackoffSeconds, TimeSpan ReconcileInterval)
{
    public static DispatchSettings From(IConfiguration config)
    {
        var defaults = new DispatchDefaults();
        return new DispatchSettings(
            Settings.Number(config, "JOB_MAX_ATTEMPTS", defaults.MaxAttempts, DispatchLimits.MinAttempts, DispatchLimits.MaxAttempts),
            Settings.Number(config, "JOB_RETRY_BACKOFF_SECONDS", defaults.RetryBackoffSeconds, 0, DispatchLimits.MaxRetryBackoffSeconds),
            Settings.Seconds(config, "DISPATCH_RECONCILE_SECONDS", new DispatcherOptions().ReconcileInterval, 1, 300));
    }

    public void Apply(IServiceCollection services)
    {
        services.Configure<DispatchDefaults>(d =>
        {
            d.MaxAttempts = MaxAttempts;
            d.RetryBackoffSeconds = RetryBackoffSeconds;
        });
        services.Configure<DispatcherOptions>(o => o.ReconcileInterval = ReconcileInterval);
    }
}

namespace Cockpit.Grains.Dispatch;

/// <summary>The ranges of the dispatch fields, in one place for the validators and the docs.</summary>
public static class DispatchLimits
{
    public const int MinPriority = -100;
    public const int MaxPriority = 100;
    public const int MinAttempts = 1;
    public const int MaxAttempts = 20;

    public const int MaxConcurrencyKeyLength = 100;

    /// <summary>A concurrency limit; zero holds every job of the key.</summary>
    public const int MaxConcurrencyLimit = 100_000;

    /// <summary>One day: longer runs should checkpoint and resume, not hold an attempt open.</summary>
    public const int MaxTimeoutSeconds = 86_400;
    public const int MaxRetryBackoffSeconds = 600;

    /// <summary>JOB_MAX_ATTEMPTS when unset: one try and two retries ride out a pod restart without hiding a job that
    /// fails every time.</summary>
    public const int DefaultMaxAttempts = 3;

    /// <summary>JOB_RETRY_BACKOFF_SECONDS when unset: long enough for a restarted pod to register again.</summary>
    public const int DefaultRetryBackoffSeconds = 10;
}

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
}

namespace Cockpit.Storage.ReadModel;

/// <summary>Tuning of <see cref="ReadModelProjector"/>; bound from the <c>ReadModel</c> configuration section.</summary>
public sealed class ReadModelOptions
{
    /// <summary>Configuration section these options are read from.</summary>
    public const string SectionName = "ReadModel";

    /// <summary>
    /// Most events written in one transaction. Default 500: large enough that a burst costs a few round trips,
    /// small enough that one transaction stays well under a second and its row locks are short-lived.
    /// </summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// How often coalesced heartbeats are written (one batched UPDATE for all agents seen since the last one).
    /// Default 5 seconds: agents beat every 60 s by default and "offline" is judged in minutes, so a few seconds
    /// of staleness in the table costs nothing while keeping a large fleet to a handful of writes a minute.
    /// </summary>
    public TimeSpan HeartbeatFlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Longest pause between retries of a write that failed on a transient database error. Default 5 seconds.
    /// Retries start at 100 ms and double up to this cap; they go on until the write succeeds, so an outage
    /// delays the read model instead of losing events.
    /// </summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);
}

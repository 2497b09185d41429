using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Cockpit.Storage.ReadModel;

/// <summary>
/// Tuning of <see cref="ReadModelProjector"/>. Its keys keep the <c>ReadModel</c> section they always had
/// (<c>ReadModel__BatchSize</c> in the environment), and its durations .NET's <c>hh:mm:ss</c>: changing either would
/// change what an existing deployment's settings mean.
/// </summary>
public sealed class ReadModelOptions : IValidatableObject
{
    /// <summary>Configuration section these options are read from.</summary>
    public const string SectionName = "ReadModel";

    /// <summary>
    /// ReadModel:BatchSize: most events written in one transaction. Default 500: large enough that a burst costs a few
    /// round trips, small enough that one transaction stays well under a second and its row locks are short-lived.
    /// </summary>
    [ConfigurationKeyName(SectionName + ":BatchSize"), Range(1, int.MaxValue)]
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// ReadModel:HeartbeatFlushInterval: how often coalesced heartbeats are written (one batched UPDATE for all agents
    /// seen since the last one). Default 5 seconds: agents beat every 60 s by default and "offline" is judged in
    /// minutes, so a few seconds of staleness in the table costs nothing while keeping a large fleet to a handful of
    /// writes a minute.
    /// </summary>
    [ConfigurationKeyName(SectionName + ":HeartbeatFlushInterval")]
    public TimeSpan HeartbeatFlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// ReadModel:RetryMaxDelay: longest pause between retries of a write that failed on a transient database error.
    /// Default 5 seconds. Retries start at 100 ms and double up to this cap; they go on until the write succeeds, so an
    /// outage delays the read model instead of losing events.
    /// </summary>
    [ConfigurationKeyName(SectionName + ":RetryMaxDelay")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HeartbeatFlushInterval <= TimeSpan.Zero)
            yield return new ValidationResult("ReadModel:HeartbeatFlushInterval must be positive.", [nameof(HeartbeatFlushInterval)]);
        if (RetryMaxDelay <= TimeSpan.Zero)
            yield return new ValidationResult("ReadModel:RetryMaxDelay must be positive.", [nameof(RetryMaxDelay)]);
    }
}

using System.Text.Json;
using Cockpit.Protocol;

namespace Cockpit.Agent.Jobs;

/// <summary>How a workload run ended.</summary>
public sealed record JobOutcome(
    JobOutcomeKind Kind,
    JobProgressReport? Progress,
    string? ErrorMessage = null,
    Dictionary<string, JsonElement>? ErrorDetails = null)
{
    public static JobOutcome Completed(JobProgressReport progress) => new(JobOutcomeKind.Completed, progress);

    /// <summary>Stopped on request (cancel or shutdown) after saving a checkpoint.</summary>
    public static JobOutcome Stopped(JobProgressReport? progress) => new(JobOutcomeKind.Stopped, progress);

    public static JobOutcome Failed(string message, Dictionary<string, JsonElement>? details, JobProgressReport? progress = null) =>
        new(JobOutcomeKind.Failed, progress, message, details);
}

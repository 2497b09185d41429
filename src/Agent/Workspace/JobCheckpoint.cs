using Cockpit.Agent.Jobs;
using Cockpit.Agent.Requirements;

namespace Cockpit.Agent.Workspace;

/// <summary>
/// What a stopped job had done (checkpoint.json): how many work units were processed and the requirements found
/// so far. A unit is one requirement sentence for the keyword workload and one document chunk for the LLM workload.
/// </summary>
public sealed record JobCheckpoint
{
    public required Guid JobId { get; init; }

    /// <summary>Which workload wrote it; another workload cannot continue from it.</summary>
    public required string Workload { get; init; }

    public required int ProcessedUnits { get; init; }

    public required int TotalUnits { get; init; }

    public required IReadOnlyList<ExtractedRequirement> Requirements { get; init; }

    public long TokensUsed { get; init; }

    public DateTimeOffset SavedAt { get; init; }

    /// <summary>Why the job stopped: cancelled, shutdown or failed.</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// This checkpoint, for <paramref name="workload"/> to continue from; refused when another workload wrote it: its
    /// units mean something else there, and resuming from them would skip or repeat work silently.
    /// </summary>
    public JobCheckpoint EnsureWrittenBy(string workload) =>
        Workload == workload
            ? this
            : throw new JobFailedException($"the checkpoint was written by the '{Workload}' workload, this agent runs '{workload}'",
                new Dictionary<string, object?> { ["checkpoint_workload"] = Workload, ["agent_workload"] = workload });
}

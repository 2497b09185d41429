namespace Cockpit.Storage.Workspace;

/// <summary>What checkpoint.json says about a stopped job: how far it got, and why it stopped.</summary>
/// <param name="Workload">The agent workload that wrote it.</param>
/// <param name="RequirementsFound">Requirements saved with the checkpoint.</param>
/// <param name="Reason">cancelled, shutdown or failed, as the agent wrote it.</param>
public sealed record WorkspaceCheckpoint(
    string? Workload,
    int ProcessedUnits,
    int TotalUnits,
    int RequirementsFound,
    long TokensUsed,
    DateTimeOffset? SavedAt,
    string? Reason);

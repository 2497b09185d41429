namespace Cockpit.Storage.Workspace;

/// <summary>Everything the cockpit shows of a job's workspace at once.</summary>
/// <param name="Exists">False until the job's directory is created (by an upload or the agent); everything is empty then.</param>
/// <param name="Plan">plan.md, or null when there is none.</param>
/// <param name="WorkspaceMd">workspace.md (the agent's log), or null.</param>
/// <param name="Files">The file listing, capped at WORKSPACE_MAX_LISTED_FILES.</param>
/// <param name="FilesTruncated">The listing cap cut <paramref name="Files"/> short.</param>
/// <param name="Checkpoint">checkpoint.json of a stopped job, or null (none, or unreadable).</param>
public sealed record WorkspaceSummary(
    Guid JobId,
    bool Exists,
    TodoList Todos,
    WorkspaceFileContent? Plan,
    WorkspaceFileContent? WorkspaceMd,
    IReadOnlyList<WorkspaceFile> Files,
    bool FilesTruncated,
    WorkspaceCheckpoint? Checkpoint);

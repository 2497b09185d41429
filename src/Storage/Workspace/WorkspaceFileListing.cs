namespace Cockpit.Storage.Workspace;

/// <summary>A job's files sorted by path; <see cref="Truncated"/> when the listing cap cut it short.</summary>
public sealed record WorkspaceFileListing(IReadOnlyList<WorkspaceFile> Files, bool Truncated)
{
    public static readonly WorkspaceFileListing Empty = new([], false);
}

namespace Cockpit.Storage.Workspace;

/// <summary>One file of a job's workspace.</summary>
/// <param name="Path">Relative to the job's directory, '/'-separated; usable as the <c>path</c> of a content read.</param>
public sealed record WorkspaceFile(string Path, long Size, DateTimeOffset Modified);

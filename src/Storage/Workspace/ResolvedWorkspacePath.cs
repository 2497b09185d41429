namespace Cockpit.Storage.Workspace;

/// <summary>A path checked by <see cref="WorkspacePaths.Resolve"/>.</summary>
/// <param name="RelativePath">Normalised, '/'-separated, relative to the job's directory (as shown to callers).</param>
/// <param name="FullPath">The real path on disk, with symbolic links resolved; inside the job's real directory.</param>
public sealed record ResolvedWorkspacePath(Guid JobId, string RelativePath, string FullPath);

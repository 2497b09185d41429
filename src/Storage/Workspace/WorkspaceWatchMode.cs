namespace Cockpit.Storage.Workspace;

/// <summary>How <see cref="WorkspaceWatcher"/> notices changed files (WORKSPACE_WATCH).</summary>
public enum WorkspaceWatchMode
{
    /// <summary>File-system notifications (inotify on Linux); falls back to <see cref="Poll"/> when they fail.</summary>
    Auto,

    /// <summary>
    /// Periodic scans of sizes and modification times. Needed on network volumes (NFS, Longhorn RWX): inotify only
    /// reports changes made by this node's kernel, not files written by agent pods on other nodes.
    /// </summary>
    Poll,

    /// <summary>No watching, no workspace notices.</summary>
    Off,
}

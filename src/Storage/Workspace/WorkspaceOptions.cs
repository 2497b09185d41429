namespace Cockpit.Storage.Workspace;

/// <summary>Where job workspaces live and how much of them the silo reads and watches.</summary>
public sealed record WorkspaceOptions
{
    /// <summary>
    /// WORKSPACE_ROOT: the directory holding <c>job_&lt;id&gt;/</c> and <c>uploads/</c>. Default <c>./workspace</c>,
    /// relative to the silo's working directory (the agent's default too). Silos and agents must see the volume at
    /// the same path, because a job's <c>document_dir</c> is an absolute path handed to the agent.
    /// </summary>
    public string Root { get; init; } = "./workspace";

    /// <summary>
    /// WORKSPACE_MAX_FILE_BYTES: at most this many bytes of one file are returned as content; larger files come back
    /// cut at this size with <c>truncated: true</c>. Default 1 MiB.
    /// </summary>
    public int MaxFileBytes { get; init; } = 1024 * 1024;

    /// <summary>WORKSPACE_MAX_LISTED_FILES: a file listing stops after this many files and says it was truncated. Default 1000.</summary>
    public int MaxListedFiles { get; init; } = 1000;

    /// <summary>WORKSPACE_WATCH: auto (inotify, falling back to polling), poll or off. Default auto.</summary>
    public WorkspaceWatchMode WatchMode { get; init; } = WorkspaceWatchMode.Auto;

    /// <summary>
    /// WORKSPACE_WATCH_DEBOUNCE_MS: changes of one job are gathered until it has been quiet this long, so a burst of
    /// writes becomes one notice per file. Default 250 ms. A job that never goes quiet is still reported at least
    /// every four debounce periods.
    /// </summary>
    public TimeSpan WatchDebounce { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>WORKSPACE_POLL_INTERVAL_MS: how often the polling watcher scans the workspaces. Default 2000 ms.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The root as an absolute path.</summary>
    public string FullRoot => Path.GetFullPath(Root);
}

using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Cockpit.Storage.Workspace;

/// <summary>Where job workspaces live and how much of them the silo reads and watches.</summary>
public sealed record WorkspaceOptions
{
    /// <summary>
    /// WORKSPACE_ROOT: the directory holding <c>job_&lt;id&gt;/</c> and <c>uploads/</c>. Default <c>./workspace</c>,
    /// relative to the silo's working directory (the agent's default too). Silos and agents must see the volume at
    /// the same path, because a job's <c>document_dir</c> is an absolute path handed to the agent.
    /// </summary>
    [ConfigurationKeyName("WORKSPACE_ROOT")]
    public string Root { get; init; } = "./workspace";

    /// <summary>
    /// WORKSPACE_MAX_FILE_BYTES: at most this many bytes of one file are returned as content; larger files come back
    /// cut at this size with <c>truncated: true</c>. Default 1 MiB, more than a person reads in the cockpit's viewer.
    /// </summary>
    [ConfigurationKeyName("WORKSPACE_MAX_FILE_BYTES"), Range(1024, 256 * 1024 * 1024)]
    public int MaxFileBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// WORKSPACE_MAX_LISTED_FILES: a file listing stops after this many files and says it was truncated. Default 1000,
    /// far more than a job writes, few enough for one answer.
    /// </summary>
    [ConfigurationKeyName("WORKSPACE_MAX_LISTED_FILES"), Range(1, 1_000_000)]
    public int MaxListedFiles { get; init; } = 1000;

    /// <summary>WORKSPACE_WATCH: auto (inotify, falling back to polling), poll or off. Default auto.</summary>
    [ConfigurationKeyName("WORKSPACE_WATCH")]
    public WorkspaceWatchMode WatchMode { get; init; } = WorkspaceWatchMode.Auto;

    /// <summary>
    /// Changes of one job are gathered until it has been quiet this long, so a burst of writes becomes one notice per
    /// file. Default 250 ms. A job that never goes quiet is still reported at least every four debounce periods.
    /// </summary>
    public TimeSpan WatchDebounce { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// WORKSPACE_WATCH_DEBOUNCE_MS: <see cref="WatchDebounce"/>, 1 to 60000 (milliseconds, under the name it always
    /// had: a quarter second is the useful size here).
    /// </summary>
    [ConfigurationKeyName("WORKSPACE_WATCH_DEBOUNCE_MS"), Range(1, 60_000)]
    public int WatchDebounceMilliseconds
    {
        get => (int)WatchDebounce.TotalMilliseconds;
        init => WatchDebounce = TimeSpan.FromMilliseconds(value);
    }

    /// <summary>How often the polling watcher scans the workspaces. Default 2000 ms: changes show within two seconds.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>WORKSPACE_POLL_INTERVAL_MS: <see cref="PollInterval"/>, 100 to 3600000 milliseconds.</summary>
    [ConfigurationKeyName("WORKSPACE_POLL_INTERVAL_MS"), Range(100, 3_600_000)]
    public int PollIntervalMilliseconds
    {
        get => (int)PollInterval.TotalMilliseconds;
        init => PollInterval = TimeSpan.FromMilliseconds(value);
    }

    /// <summary>The root as an absolute path.</summary>
    public string FullRoot => Path.GetFullPath(Root);
}

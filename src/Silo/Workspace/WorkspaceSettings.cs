using Cockpit.Silo.Configuration;
using Cockpit.Storage.Workspace;

namespace Cockpit.Silo.Workspace;

/// <summary>Reads <see cref="WorkspaceOptions"/> from the environment; the defaults are documented there.</summary>
public static class WorkspaceSettings
{
    public static WorkspaceOptions From(IConfiguration config)
    {
        var defaults = new WorkspaceOptions();
        var mode = Settings.Text(config, "WORKSPACE_WATCH", "auto");
        return new WorkspaceOptions
        {
            Root = Settings.Text(config, "WORKSPACE_ROOT", defaults.Root),
            MaxFileBytes = Settings.Number(config, "WORKSPACE_MAX_FILE_BYTES", defaults.MaxFileBytes, 1024, 256 * 1024 * 1024),
            MaxListedFiles = Settings.Number(config, "WORKSPACE_MAX_LISTED_FILES", defaults.MaxListedFiles, 1, 1_000_000),
            WatchMode = mode.ToLowerInvariant() switch
            {
                "auto" => WorkspaceWatchMode.Auto,
                "poll" => WorkspaceWatchMode.Poll,
                "off" => WorkspaceWatchMode.Off,
                _ => throw new SettingException($"Setting WORKSPACE_WATCH='{mode}' is not auto, poll or off."),
            },
            WatchDebounce = TimeSpan.FromMilliseconds(
                Settings.Number(config, "WORKSPACE_WATCH_DEBOUNCE_MS", (int)defaults.WatchDebounce.TotalMilliseconds, 1, 60_000)),
            PollInterval = TimeSpan.FromMilliseconds(
                Settings.Number(config, "WORKSPACE_POLL_INTERVAL_MS", (int)defaults.PollInterval.TotalMilliseconds, 100, 3_600_000)),
        };
    }
}

using Cockpit.Storage.Live;
using Cockpit.Storage.Workspace;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cockpit.Storage.Tests.Workspace;

/// <summary>The watcher on a real directory, in both modes, publishing to a fake hub.</summary>
public sealed class WorkspaceWatcherTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly FakeLiveEventHub _hub = new();
    private TempWorkspace _ws = null!;
    private WorkspaceWatcher? _watcher;

    public Task InitializeAsync() => Task.CompletedTask;

    private async Task<WorkspaceWatcher> StartAsync(WorkspaceWatchMode mode, string? root = null, int debounceMs = 50)
    {
        _ws = new TempWorkspace(new WorkspaceOptions
        {
            WatchMode = mode,
            WatchDebounce = TimeSpan.FromMilliseconds(debounceMs),
            PollInterval = TimeSpan.FromMilliseconds(100),
        });
        var options = root is null ? _ws.Options : _ws.Options with { Root = root };
        _watcher = new WorkspaceWatcher(new WorkspacePaths(options), options, _hub, TimeProvider.System, NullLogger<WorkspaceWatcher>.Instance);
        await _watcher.StartAsync(CancellationToken.None);
        await _watcher.Started.WaitAsync(Deadline);
        return _watcher;
    }

    [Theory]
    [InlineData(WorkspaceWatchMode.Auto)]
    [InlineData(WorkspaceWatchMode.Poll)]
    public async Task A_changed_file_is_published_as_a_workspace_event_of_its_job(WorkspaceWatchMode mode)
    {
        var watcher = await StartAsync(mode);
        watcher.ActiveMode.ShouldBe(mode);
        Directory.CreateDirectory(_ws.JobDir);
        Directory.CreateDirectory(Path.Combine(_ws.JobDir, "output"));
        await WaitForWatchedDirectoriesAsync(mode);

        _ws.Write("output/requirements.json", "{}");

        var e = await _hub.NextAsync(x => x.Detail == "output/requirements.json", Deadline, "output/requirements.json");
        e.Kind.ShouldBe(LiveEventKinds.Workspace);
        e.Id.ShouldBe(_ws.JobId);
        e.JobId.ShouldBe(_ws.JobId);
        e.Version.ShouldBe(0);
    }

    [Theory]
    [InlineData(WorkspaceWatchMode.Auto)]
    [InlineData(WorkspaceWatchMode.Poll)]
    public async Task A_burst_of_writes_to_one_file_is_one_event_and_temporaries_are_ignored(WorkspaceWatchMode mode)
    {
        await StartAsync(mode, debounceMs: 250);
        Directory.CreateDirectory(_ws.JobDir);
        await WaitForWatchedDirectoriesAsync(mode);

        // The agent's pattern: write a temporary, rename it over the real file; many times in a row.
        var todos = Path.Combine(_ws.JobDir, "todos.yaml");
        for (var i = 0; i < 20; i++)
        {
            var temporary = $"{todos}.1.{Guid.NewGuid():N}.tmp";
            await File.WriteAllTextAsync(temporary, $"todos: [] # {i}");
            File.Move(temporary, todos, overwrite: true);
        }
        await _hub.NextAsync(x => x.Detail == "todos.yaml", Deadline, "todos.yaml");

        // Events arrive in order: once the marker's event is in, everything about the burst has been published.
        _ws.Write("marker.md", "done");
        await _hub.NextAsync(x => x.Detail == "marker.md", Deadline, "marker.md");

        List<LiveEvent> all;
        lock (_hub.All) all = [.. _hub.All];
        all.ShouldNotContain(x => x.Detail != null && x.Detail.EndsWith(".tmp"));
        all.Count(x => x.Detail == "todos.yaml").ShouldBeLessThanOrEqualTo(mode == WorkspaceWatchMode.Poll ? 2 : 1,
            "the burst took far less than the debounce window");
    }

    [Theory]
    [InlineData(WorkspaceWatchMode.Auto)]
    [InlineData(WorkspaceWatchMode.Poll)]
    public async Task A_job_directory_that_appears_with_files_in_it_reports_each_file(WorkspaceWatchMode mode)
    {
        await StartAsync(mode);
        // Files written before their directory is watched: staged outside any job directory, then moved in whole
        // (the same gap an agent opens by creating its job directory and writing into it at once).
        var staging = Path.Combine(_ws.Root, "staging-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(staging, "output"));
        await File.WriteAllTextAsync(Path.Combine(staging, "plan.md"), "# plan");
        await File.WriteAllTextAsync(Path.Combine(staging, "output", "requirements.json"), "[]");

        Directory.Move(staging, _ws.JobDir);

        // In whichever order they come: each file's own notice.
        var expected = new HashSet<string> { "plan.md", "output/requirements.json" };
        while (expected.Count > 0)
        {
            var e = await _hub.NextAsync(x => x.JobId == _ws.JobId && expected.Contains(x.Detail ?? ""), Deadline, string.Join(" and ", expected));
            expected.Remove(e.Detail!);
        }
    }

    [Fact]
    public async Task Files_outside_job_directories_are_not_published()
    {
        await StartAsync(WorkspaceWatchMode.Auto);
        Directory.CreateDirectory(Path.Combine(_ws.Root, "uploads", "x"));
        await File.WriteAllTextAsync(Path.Combine(_ws.Root, "uploads", "x", "a.md"), "a");
        await File.WriteAllTextAsync(Path.Combine(_ws.Root, "stray.txt"), "a");
        _ws.Write("plan.md", "# plan");

        await _hub.NextAsync(x => x.Detail == "plan.md" || x.JobId == _ws.JobId, Deadline, "the job's first event");
        lock (_hub.All) _hub.All.ShouldAllBe(x => x.JobId == _ws.JobId);
    }

    [Fact]
    public async Task The_root_is_created_when_missing()
    {
        var missing = Path.Combine(Path.GetTempPath(), "cockpit-ws-missing-" + Guid.NewGuid().ToString("N"));
        try
        {
            var watcher = await StartAsync(WorkspaceWatchMode.Auto, root: missing);
            Directory.Exists(missing).ShouldBeTrue();
            watcher.ActiveMode.ShouldBe(WorkspaceWatchMode.Auto);
        }
        finally
        {
            await DisposeWatcherAsync();
            Directory.Delete(missing, recursive: true);
        }
    }

    [Fact]
    public async Task Off_means_no_watching()
    {
        var watcher = await StartAsync(WorkspaceWatchMode.Off);
        watcher.ActiveMode.ShouldBe(WorkspaceWatchMode.Off);
    }

    // inotify adds a watch for a new directory when it hears of it; a poller needs one scan to see it exists.
    // Both are confirmed by an event about the directory itself rather than by waiting a fixed time.
    private async Task WaitForWatchedDirectoriesAsync(WorkspaceWatchMode mode)
    {
        if (mode == WorkspaceWatchMode.Poll)
        {
            _ws.Write("ready.txt", "x");
            await _hub.NextAsync(x => x.Detail == "ready.txt", Deadline, "the poller's first sighting");
            return;
        }
        _ws.Write("ready.txt", "x");
        await _hub.NextAsync(x => x.JobId == _ws.JobId, Deadline, "the watcher's first event for the job");
    }

    private async Task DisposeWatcherAsync()
    {
        if (_watcher is null) return;
        await _watcher.StopAsync(CancellationToken.None);
        _watcher.Dispose();
        _watcher = null;
    }

    public Task DisposeAsync() => DisposeWatcherAsync();

    // xUnit calls this after DisposeAsync, so the watcher has stopped before its directory goes.
    public void Dispose()
    {
        _watcher?.Dispose();
        _hub.Dispose();
        _ws?.Dispose();
    }
}

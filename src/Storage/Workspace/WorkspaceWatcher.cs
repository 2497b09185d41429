using System.Threading.Channels;
using Cockpit.Storage.Live;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cockpit.Storage.Workspace;

/// <summary>
/// Watches WORKSPACE_ROOT and publishes a <see cref="LiveEventKinds.Workspace"/> notice per changed file of a job
/// (<see cref="LiveEvent.Detail"/>: the file's path relative to the job's directory; null when the job's directory
/// itself or very many files changed), debounced per job.
/// </summary>
/// <remarks>
/// <para>
/// By default it uses file-system notifications (inotify on Linux). It falls back to scanning sizes and modification
/// times every WORKSPACE_POLL_INTERVAL_MS when notifications cannot start or fail later: inotify has per-user limits
/// on instances (fs.inotify.max_user_instances, often 128) and watches (max_user_watches; one per directory), a
/// watcher whose event queue overflows has lost events, and containers often share those limits with everything
/// else on the node. WORKSPACE_WATCH=poll is the right mode on network volumes (NFS, Longhorn RWX), where inotify
/// never hears about files that agent pods on other nodes write.
/// </para>
/// <para>
/// Notices are hints (subscribers re-read the files): changes made while switching to polling are not reported.
/// The agent's temporary files (<c>*.tmp</c>, renamed into place) are ignored; the rename reports the real name.
/// </para>
/// </remarks>
public sealed class WorkspaceWatcher(
    WorkspacePaths paths,
    WorkspaceOptions options,
    ILiveEventHub hub,
    TimeProvider time,
    ILogger<WorkspaceWatcher> logger) : BackgroundService
{
    /// <summary>A job with more changed files than this in one batch gets one job-wide notice instead.</summary>
    public const int MaxNoticesPerJob = 50;

    private readonly Channel<(Guid JobId, string File)> _changes =
        Channel.CreateUnbounded<(Guid, string)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Exception?> _notificationsFailed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What the watcher is doing now: <see cref="WorkspaceWatchMode.Auto"/> means notifications are live.</summary>
    public WorkspaceWatchMode ActiveMode { get; private set; } = WorkspaceWatchMode.Off;

    /// <summary>Completes once the watcher watches (or has decided not to); changes after that are reported.</summary>
    public Task Started => _started.Task;

    /// <summary>True for files the watcher never reports: the agent's write-then-rename temporaries.</summary>
    public static bool IsIgnored(string path) => path.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.WatchMode == WorkspaceWatchMode.Off || !TryCreateRoot())
        {
            _started.TrySetResult();
            return;
        }

        FileSystemWatcher? notifications = null;
        Task polling = Task.CompletedTask;
        try
        {
            if (options.WatchMode == WorkspaceWatchMode.Auto) notifications = TryStartNotifications();
            if (notifications is null) polling = StartPolling(stoppingToken);
            _started.TrySetResult();
            await BatchAndPublishAsync(() =>
            {
                // Called from the batching loop when notifications failed: switch over once.
                notifications?.Dispose();
                notifications = null;
                polling = StartPolling(stoppingToken);
            }, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            notifications?.Dispose();
            _started.TrySetResult();
            await polling.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private bool TryCreateRoot()
    {
        try
        {
            Directory.CreateDirectory(paths.Root);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Workspace watcher: cannot create WORKSPACE_ROOT {Root}; workspace changes will not be reported", paths.Root);
            return false;
        }
    }

    private FileSystemWatcher? TryStartNotifications()
    {
        var watcher = new FileSystemWatcher(paths.Root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Created += (_, e) => ReportAppeared(e.FullPath);
        watcher.Changed += (_, e) => Report(e.FullPath);
        watcher.Deleted += (_, e) => Report(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            Report(e.OldFullPath);
            ReportAppeared(e.FullPath);
        };
        watcher.Error += (_, e) => _notificationsFailed.TrySetResult(e.GetException());
        try
        {
            watcher.EnableRaisingEvents = true;
            ActiveMode = WorkspaceWatchMode.Auto;
            logger.LogInformation("Workspace watcher: file-system notifications on {Root}", paths.Root);
            return watcher;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or UnauthorizedAccessException or InvalidOperationException)
        {
            watcher.Dispose();
            logger.LogWarning(e, "Workspace watcher: file-system notifications unavailable on {Root}; scanning every {Interval} instead",
                paths.Root, options.PollInterval);
            return null;
        }
    }

    private Task StartPolling(CancellationToken stoppingToken)
    {
        ActiveMode = WorkspaceWatchMode.Poll;
        var scanner = new WorkspaceScanner(paths);
        scanner.Scan(); // remember what is there; only later differences are changes
        return Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(options.PollInterval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    foreach (var change in scanner.Scan()) _changes.Writer.TryWrite(change);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    logger.LogWarning(e, "Workspace watcher: scanning {Root} failed; trying again next time", paths.Root);
                }
            }
        }, stoppingToken);
    }

    /// <summary>
    /// A path that appeared. inotify watches a new directory only once its creation has been read, so files written
    /// into it before that (an agent creating its job directory and writing at once, or a directory moved in whole)
    /// raise no event of their own: what is inside is reported here. The watch exists by the time this runs, so a
    /// file is reported either here or by its own event, at worst by both (notices are hints; the batcher merges them).
    /// </summary>
    private void ReportAppeared(string fullPath)
    {
        Report(fullPath);
        if (!Directory.Exists(fullPath)) return;
        try
        {
            // One more than the batcher turns into a job-wide notice is all that can matter.
            foreach (var file in Directory.EnumerateFiles(fullPath, "*", SearchOption.AllDirectories).Take(MaxNoticesPerJob + 1))
            {
                Report(file);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone or closed again meanwhile: its own events say so.
        }
    }

    private void Report(string fullPath)
    {
        if (IsIgnored(fullPath)) return;
        if (paths.TryParseJobPath(fullPath, out var jobId, out var relative)) _changes.Writer.TryWrite((jobId, relative));
    }

    private async Task BatchAndPublishAsync(Action switchToPolling, CancellationToken stoppingToken)
    {
        var batcher = new WorkspaceChangeBatcher(options.WatchDebounce, options.WatchDebounce * 4, MaxNoticesPerJob);
        var reader = _changes.Reader;
        Task<bool>? waiting = null;
        var switched = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            while (reader.TryRead(out var change)) batcher.Add(change.JobId, change.File, time.GetUtcNow());

            var ready = batcher.TakeDue(time.GetUtcNow());
            if (ready.Count > 0) await PublishAsync(ready, stoppingToken);

            waiting ??= reader.WaitToReadAsync(stoppingToken).AsTask();
            var wakeUps = new List<Task> { waiting };
            if (!switched) wakeUps.Add(_notificationsFailed.Task);
            using var delay = new CancellationTokenSource();
            if (batcher.NextDue is { } due)
            {
                var wait = due - time.GetUtcNow();
                wakeUps.Add(Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, delay.Token));
            }
            var woke = await Task.WhenAny(wakeUps);
            await delay.CancelAsync();
            if (woke == waiting)
            {
                if (!await waiting) return; // channel completed
                waiting = null;
            }
            else if (!switched && woke == _notificationsFailed.Task)
            {
                switched = true;
                logger.LogWarning(await _notificationsFailed.Task,
                    "Workspace watcher: file-system notifications failed (limit reached or events lost); scanning every {Interval} instead",
                    options.PollInterval);
                switchToPolling();
            }
        }
    }

    private async Task PublishAsync(IReadOnlyList<WorkspaceChange> changes, CancellationToken stoppingToken)
    {
        var at = time.GetUtcNow();
        var notices = changes.Select(c => new LiveEvent(LiveEventKinds.Workspace, c.JobId, c.JobId, 0, at, c.File)).ToList();
        try
        {
            // Every silo watches the shared volume itself, so each tells only its own subscribers.
            await hub.PublishLocalAsync(notices, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Workspace watcher: publishing {Count} notices failed", notices.Count);
        }
    }

    public override void Dispose()
    {
        _changes.Writer.TryComplete();
        base.Dispose();
    }
}

using Cockpit.Grains.Usage;
using Cockpit.Commands.Configs;
using Cockpit.Storage.Usage;

namespace Cockpit.Silo.Usage;

/// <summary>
/// The prices in force: read from <see cref="Path"/> at start and again whenever the file changes. A file that cannot
/// be used leaves the previous prices in force; <see cref="Problem"/> then says why (the log and /health/ready show it).
/// </summary>
public sealed class PriceBook(string path, ILogger<PriceBook> logger) : IPriceBook, IHostedService, IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(200);

    private readonly SemaphoreSlim _reload = new(1, 1);
    private FileSystemWatcher? _watcher;
    private volatile PriceTable _current = PriceTable.Empty;
    private volatile string? _problem;
    private CancellationTokenSource? _pending;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public PriceTable Current => _current;

    /// <summary>Why the file last read is not in force; null when it is.</summary>
    public string? Problem => _problem;

    /// <summary>Reads the file now; true when its prices are in force afterwards.</summary>
    public async Task<bool> ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _reload.WaitAsync(cancellationToken);
        try
        {
            var table = await PriceFile.LoadAsync(Path, cancellationToken);
            _current = table;
            _problem = null;
            logger.LogInformation("Prices: {Count} models from {Path} (as of {AsOf})", table.Models.Count, Path, table.AsOf ?? "no date");
            return true;
        }
        catch (Exception e) when (e is ConfigFormatException or IOException or UnauthorizedAccessException)
        {
            _problem = $"{System.IO.Path.GetFileName(Path)}: {e.Message}; the previous prices ({_current.Models.Count} models) stay in force";
            logger.LogWarning("Prices: {Problem}", _problem);
            return false;
        }
        finally
        {
            _reload.Release();
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        if (!Directory.Exists(directory)) return;
        _watcher = new FileSystemWatcher(directory, System.IO.Path.GetFileName(Path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += (_, _) => Schedule();
        _watcher.Created += (_, _) => Schedule();
        _watcher.Renamed += (_, _) => Schedule();
        _watcher.EnableRaisingEvents = true;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _watcher = null;
        _pending?.Cancel();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _pending?.Dispose();
        _reload.Dispose();
    }

    // Editors write a file in several steps (truncate, write, rename): read it once they have settled.
    private void Schedule()
    {
        var next = new CancellationTokenSource();
        var previous = Interlocked.Exchange(ref _pending, next);
        previous?.Cancel();
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(Settle, next.Token);
                await ReloadAsync(next.Token);
            }
            catch (OperationCanceledException)
            {
                // A later change scheduled its own read.
            }
        });
    }
}

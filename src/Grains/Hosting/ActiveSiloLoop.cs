namespace Cockpit.Grains.Hosting;

/// <summary>
/// A background loop that starts once this silo is <see cref="ServiceLifecycleStage.Active"/> (grain calls work from
/// then on) and is stopped, and awaited, when the silo stops. The loop runs off the start path, so a slow or failing
/// first call (the database not reachable yet) never holds up or fails the silo's start.
/// </summary>
public abstract class ActiveSiloLoop : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(GetType().Name, ServiceLifecycleStage.Active, OnStartAsync, OnStopAsync);

    /// <summary>The loop; it returns when <paramref name="stopping"/> is cancelled (or when its work is done).</summary>
    protected abstract Task RunAsync(CancellationToken stopping);

    /// <summary>Waits <paramref name="delay"/>; false when the silo is stopping meanwhile.</summary>
    protected static async Task<bool> PauseAsync(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, stopping);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits for the timer's next tick; false when the silo is stopping meanwhile.</summary>
    protected static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stopping)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private Task OnStartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task OnStopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
    }

    public void Dispose()
    {
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }
}

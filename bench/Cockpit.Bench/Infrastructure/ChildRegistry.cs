using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Cockpit.Bench.Infrastructure;

/// <summary>
/// Every process the benchmark started, so that Ctrl-C or SIGTERM ends them too instead of leaving silos and
/// baseline servers behind.
/// </summary>
public static class ChildRegistry
{
    private static readonly ConcurrentDictionary<IAsyncDisposable, byte> Running = new();
    private static readonly List<PosixSignalRegistration> Handlers = [];

    public static T Track<T>(T child) where T : IAsyncDisposable
    {
        Running[child] = 0;
        return child;
    }

    public static void Forget(IAsyncDisposable child) => Running.TryRemove(child, out _);

    /// <summary>On SIGINT or SIGTERM: kill what is running, then exit with 130 (interrupted).</summary>
    public static void KillAllOnSignal()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            Handlers.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                Console.Error.WriteLine($"bench: {context.Signal}, stopping {Running.Count} child process(es)");
                Task.WhenAll(Running.Keys.Select(c => c.DisposeAsync().AsTask())).Wait(TimeSpan.FromSeconds(10));
                Environment.Exit(130);
            }));
        }
    }
}

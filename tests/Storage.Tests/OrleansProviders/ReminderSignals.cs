using System.Collections.Concurrent;

namespace Cockpit.Storage.Tests.OrleansProviders;

/// <summary>Lets a test await a reminder tick; the silos run in the test process, so a static is shared.</summary>
public static class ReminderSignals
{
    private static readonly ConcurrentDictionary<Guid, TaskCompletionSource<string>> Fired = new();

    public static Task<string> FiredAsync(Guid grain) => For(grain).Task;

    public static void Signal(Guid grain, string siloAddress) => For(grain).TrySetResult(siloAddress);

    private static TaskCompletionSource<string> For(Guid grain) =>
        Fired.GetOrAdd(grain, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
}

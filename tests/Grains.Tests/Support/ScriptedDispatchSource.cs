using Cockpit.Grains.Dispatch;
using Cockpit.Grains.Ports;

namespace Cockpit.Grains.Tests.Support;

/// <summary>
/// Stands in for the read model the dispatcher rebuilds from (the SQL has its own tests in Storage.Tests, and the
/// end-to-end dispatch tests run the two together): a test says which pending jobs the read model holds.
/// </summary>
public sealed class ScriptedDispatchSource : IDispatchSource
{
    private volatile DispatchSourceSnapshot _snapshot = DispatchSourceSnapshot.Empty;

    private int _loads;

    /// <summary>How often the dispatcher has read it.</summary>
    public int Loads => Volatile.Read(ref _loads);

    public void Says(DispatchSourceSnapshot snapshot) => _snapshot = snapshot;

    public Task<DispatchSourceSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _loads);
        return Task.FromResult(_snapshot);
    }
}

using Cockpit.Grains.Events;

namespace Cockpit.Grains.Tests.Support;

/// <summary>
/// A read model that has not yet written one job's or agent's changes (<see cref="RecordingEventSink.HoldWrites"/>,
/// <see cref="RecordingEventSink.HoldAgentWrites"/>): the grain's waits for a write end when <see cref="Release"/> is
/// called (or the hold is disposed).
/// </summary>
public sealed class WriteHold(Action forget) : IDisposable
{
    private readonly TaskCompletionSource<DomainEvent> _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The first change the grain waited on the read model for.</summary>
    public Task<DomainEvent> FirstWait => _reached.Task.WaitAsync(RecordingEventSink.DefaultDeadline);

    internal Task Released => _released.Task;

    internal void Reached(DomainEvent change) => _reached.TrySetResult(change);

    public void Release()
    {
        forget();
        _released.TrySetResult();
    }

    public void Dispose() => Release();
}

using System.Reactive.Linq;
using Cockpit.Storage.Live;

namespace Cockpit.Storage.Tests.Support;

/// <summary>A live hub that keeps what was published, for tests of what a store announces.</summary>
public sealed class RecordingHub : ILiveEventHub
{
    public List<LiveEvent> Published { get; } = [];

    public IObservable<LiveEvent> Events => Observable.Empty<LiveEvent>();

    public Task PublishAsync(IReadOnlyList<LiveEvent> events, CancellationToken cancellationToken = default)
    {
        lock (Published) Published.AddRange(events);
        return Task.CompletedTask;
    }
}

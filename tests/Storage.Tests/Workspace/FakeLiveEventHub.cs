using System.Reactive.Subjects;
using System.Threading.Channels;
using Cockpit.Storage.Live;

namespace Cockpit.Storage.Tests.Workspace;

/// <summary>
/// A stand-in for the ILiveEventHub port that records what is published, so the watcher is tested without PostgreSQL
/// (the hub's own tests cover NOTIFY/LISTEN).
/// </summary>
public sealed class FakeLiveEventHub : ILiveEventHub, IDisposable
{
    private readonly Subject<LiveEvent> _events = new();
    private readonly Channel<LiveEvent> _published = Channel.CreateUnbounded<LiveEvent>();

    public IObservable<LiveEvent> Events => _events;

    public List<LiveEvent> All { get; } = [];

    public Task PublishAsync(IReadOnlyList<LiveEvent> events, CancellationToken cancellationToken = default)
    {
        foreach (var e in events)
        {
            lock (All) All.Add(e);
            _published.Writer.TryWrite(e);
            _events.OnNext(e);
        }
        return Task.CompletedTask;
    }

    /// <summary>The next published event that matches, or a timeout naming what was seen instead.</summary>
    public async Task<LiveEvent> NextAsync(Func<LiveEvent, bool> match, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var e = await _published.Reader.ReadAsync(deadline.Token);
                if (match(e)) return e;
            }
        }
        catch (OperationCanceledException)
        {
            List<LiveEvent> seen;
            lock (All) seen = [.. All];
            throw new TimeoutException($"no event for {what} within {timeout}; published: {string.Join(", ", seen.Select(e => $"{e.JobId}:{e.Detail}"))}");
        }
    }

    public void Dispose() => _events.Dispose();
}

using System.Collections.Concurrent;
using System.Reactive.Disposables;
using System.Reactive.Subjects;

namespace Cockpit.GraphQL.Tests.SampleSchema;

/// <summary>
/// Event sources the tests control, one per topic name (tests use unique names, so they can share a host). Each topic
/// replays its latest value to a new subscriber and counts its subscribers, so a test can wait until the server really
/// subscribed or really let go.
/// </summary>
public sealed class TickHub
{
    private readonly ConcurrentDictionary<string, Topic> _topics = new(StringComparer.Ordinal);

    public IObservable<int> Observe(string topic) => Get(topic);

    public int Subscribers(string topic) => Get(topic).Subscribers;

    public void Publish(string topic, int value) => Get(topic).Subject.OnNext(value);

    public void Complete(string topic) => Get(topic).Subject.OnCompleted();

    /// <summary>Polls until <paramref name="topic"/> has <paramref name="count"/> subscribers; false at the deadline.</summary>
    public async Task<bool> WaitForSubscribersAsync(string topic, int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (Subscribers(topic) == count)
            {
                return true;
            }

            await Task.Delay(20);
        }

        return Subscribers(topic) == count;
    }

    private Topic Get(string topic) => _topics.GetOrAdd(topic, _ => new Topic());

    private sealed class Topic : IObservable<int>
    {
        private int _subscribers;

        public ReplaySubject<int> Subject { get; } = new(bufferSize: 1);

        public int Subscribers => Volatile.Read(ref _subscribers);

        public IDisposable Subscribe(IObserver<int> observer)
        {
            // Counted once attached: a test that saw the count may publish at once and must not lose the event.
            var inner = Subject.Subscribe(observer);
            Interlocked.Increment(ref _subscribers);
            return Disposable.Create(() =>
            {
                inner.Dispose();
                Interlocked.Decrement(ref _subscribers);
            });
        }
    }
}

using System.Collections.Concurrent;

namespace Cockpit.AgentBridge.Tests.Support;

/// <summary>
/// Counts the attempts the push client makes, as seen just above the socket handler (inside the retry loop).
/// Needed where the pod cannot count: a closed port, or a push the guard should have stopped.
/// </summary>
public sealed class AttemptCounter
{
    private readonly ConcurrentQueue<string> _attempts = new();

    public int Total => _attempts.Count;

    public int Count(string method, string path) => _attempts.Count(a => a == $"{method} {path}");

    public DelegatingHandler CreateHandler() => new CountingHandler(this);

    internal void Record(HttpRequestMessage request) => _attempts.Enqueue($"{request.Method} {request.RequestUri?.AbsolutePath}");
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;

namespace Cockpit.GraphQL.Transport.WebSockets;

/// <summary>
/// The open graphql-transport-ws sockets of this process. When the application starts stopping, it closes each with
/// 1001 (going away) and refuses new upgrades with 503: Kestrel waits for running requests before it stops, and a
/// socket nobody closes would hold SIGTERM for the whole shutdown timeout. graphql-ws clients reconnect on 1001.
/// </summary>
public sealed class GraphQLWsConnectionRegistry : IDisposable
{
    private readonly ConcurrentDictionary<GraphQLWsConnection, byte> _open = new();
    private readonly CancellationTokenRegistration _stopping;
    private volatile bool _isStopping;

    public GraphQLWsConnectionRegistry(IHostApplicationLifetime lifetime)
    {
        _stopping = lifetime.ApplicationStopping.Register(CloseAll);
    }

    public bool IsStopping => _isStopping;

    /// <summary>Sockets open right now.</summary>
    public int Count => _open.Count;

    internal void Add(GraphQLWsConnection connection)
    {
        _open.TryAdd(connection, 0);
        if (_isStopping)
        {
            connection.RequestClose(GraphQLWsProtocol.CloseCodes.GoingAway, "Server shutting down");
        }
    }

    internal void Remove(GraphQLWsConnection connection) => _open.TryRemove(connection, out _);

    private void CloseAll()
    {
        _isStopping = true;
        foreach (var connection in _open.Keys)
        {
            connection.RequestClose(GraphQLWsProtocol.CloseCodes.GoingAway, "Server shutting down");
        }
    }

    public void Dispose() => _stopping.Dispose();
}

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Cockpit.TestSupport;

namespace Cockpit.Bench.Infrastructure;

/// <summary>
/// Every agent's changes through the reference npm <c>graphql-ws</c> client (<see cref="GraphQLSubscriber"/>, the
/// tests' subscriber too): a waiter per expected status change, completed with the wall-clock time the event reached
/// the client.
/// </summary>
public sealed class WsSubscriber : IAsyncDisposable
{
    public const string AgentChangedQuery = "subscription { agentChanged { id agent { status } } }";

    private readonly ConcurrentDictionary<string, TaskCompletionSource<double>> _expected = new();
    private GraphQLSubscriber? _client;

    private WsSubscriber()
    {
    }

    public static async Task<WsSubscriber> StartAsync(Uri server)
    {
        var subscriber = new WsSubscriber();
        subscriber._client = await GraphQLSubscriber.StartWatchingAsync(server, subscriber.Receive, maxSeconds: 900,
            new GraphQLSubscriber.Operation("agents", AgentChangedQuery));
        return subscriber;
    }

    /// <summary>
    /// Completes with the arrival time (ms since the Unix epoch) of the next event saying that the agent is now in
    /// <paramref name="status"/>. Call it before causing the change.
    /// </summary>
    public Task<double> Expect(Guid agentId, string status)
    {
        var waiter = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        _expected[Key(agentId, status)] = waiter;
        return waiter.Task;
    }

    /// <summary>What the client received besides the expected events (for failure messages).</summary>
    public string Problems() => _client?.Dump() ?? "";

    /// <summary>Wall-clock now in the client's units: ms since the Unix epoch.</summary>
    public static double EpochMilliseconds() => GraphQLSubscriber.EpochMilliseconds();

    private void Receive(JsonNode line)
    {
        if (line["next"]?["data"]?["agentChanged"] is not { } change || line["at"] is not { } at) return;
        var id = (string?)change["id"];
        var status = (string?)change["agent"]?["status"];
        if (id is not null && status is not null && Guid.TryParse(id, out var agentId)
            && _expected.TryRemove(Key(agentId, status), out var waiter))
        {
            waiter.TrySetResult((double)at);
        }
    }

    private static string Key(Guid agentId, string status) => $"{agentId:N}:{status.ToUpperInvariant()}";

    public async ValueTask DisposeAsync()
    {
        if (_client is not null) await _client.DisposeAsync();
    }
}

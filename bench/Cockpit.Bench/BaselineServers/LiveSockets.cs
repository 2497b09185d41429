using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Cockpit.Bench.BaselineServers;

/// <summary>
/// The least a server must do to speak <c>graphql-transport-ws</c> to the reference client: ack the connection,
/// answer pings, remember subscription ids, and push <c>next</c> messages. No GraphQL engine: every subscription gets
/// every <c>agentChanged</c>. This is the live-event path of both baselines.
/// </summary>
public sealed class LiveSockets
{
    private const string Protocol = "graphql-transport-ws";
    private readonly ConcurrentDictionary<WebSocket, Subscriber> _sockets = new();

    public bool HasSubscribers => !_sockets.IsEmpty;

    public async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync(Protocol);
        var subscriber = new Subscriber(socket);
        _sockets[socket] = subscriber;
        try
        {
            var buffer = new byte[16 * 1024];
            while (socket.State == WebSocketState.Open)
            {
                var message = await ReceiveAsync(socket, buffer);
                if (message is null) break;
                var json = JsonNode.Parse(message)!;
                switch ((string?)json["type"])
                {
                    case "connection_init":
                        await subscriber.SendAsync("""{"type":"connection_ack"}""");
                        break;
                    case "ping":
                        await subscriber.SendAsync("""{"type":"pong"}""");
                        break;
                    case "subscribe":
                        subscriber.Ids[(string)json["id"]!] = 0;
                        break;
                    case "complete":
                        subscriber.Ids.TryRemove((string)json["id"]!, out _);
                        break;
                }
            }
        }
        catch (WebSocketException)
        {
            // the client went away
        }
        finally
        {
            _sockets.TryRemove(socket, out _);
            subscriber.Dispose();
        }
    }

    /// <summary>Sends an <c>agentChanged</c> with the agent's new status to every subscription.</summary>
    public async Task PublishAgentChangedAsync(Guid agentId, string status)
    {
        var data = JsonSerializer.Serialize(new { agentChanged = new { id = agentId, agent = new { status = status.ToUpperInvariant() } } });
        foreach (var subscriber in _sockets.Values)
        {
            foreach (var id in subscriber.Ids.Keys)
            {
                await subscriber.SendAsync("{\"type\":\"next\",\"id\":" + JsonSerializer.Serialize(id) + ",\"payload\":{\"data\":" + data + "}}");
            }
        }
    }

    private static async Task<string?> ReceiveAsync(WebSocket socket, byte[] buffer)
    {
        using var text = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                return null;
            }
            text.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return Encoding.UTF8.GetString(text.ToArray());
        }
    }

    private sealed class Subscriber(WebSocket socket) : IDisposable
    {
        // One sender at a time per socket, as WebSocket requires.
        private readonly SemaphoreSlim _send = new(1, 1);

        public ConcurrentDictionary<string, byte> Ids { get; } = new();

        public async Task SendAsync(string message)
        {
            await _send.WaitAsync();
            try
            {
                if (socket.State == WebSocketState.Open)
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, CancellationToken.None);
                }
            }
            catch (WebSocketException)
            {
                // closed under us
            }
            finally
            {
                _send.Release();
            }
        }

        public void Dispose() => _send.Dispose();
    }
}

using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cockpit.EndToEnd.Tests.Support;

/// <summary>
/// A minimal graphql-transport-ws client over .NET's ClientWebSocket, for what the npm client cannot be told to do: send
/// a chosen Origin and the cookies of a session at the upgrade. Runs one operation and returns its first answer.
/// </summary>
public static class GraphQLWsProbe
{
    /// <summary>The HTTP status of a refused upgrade, or 101 when the socket opened (and was closed again).</summary>
    public static async Task<int> UpgradeStatusAsync(Uri silo, string? origin)
    {
        using var socket = Create(origin, null);
        try
        {
            await socket.ConnectAsync(Url(silo), Timeout().Token);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "probe", Timeout().Token);
            return 101;
        }
        catch (WebSocketException)
        {
            return (int)socket.HttpStatusCode;
        }
    }

    /// <summary>
    /// Opens a socket (with the session's cookies, if any), sends <c>connection_init</c> (with <paramref name="initPayload"/>,
    /// if any), runs <paramref name="query"/> and returns the first <c>next</c> or <c>error</c> message. A socket the
    /// server closes throws, naming the close status.
    /// </summary>
    public static async Task<JsonNode> FirstAnswerAsync(Uri silo, string query, CookieContainer? cookies, object? initPayload = null)
    {
        using var socket = Create(null, cookies);
        using var timeout = Timeout();
        await socket.ConnectAsync(Url(silo), timeout.Token);
        await SendAsync(socket, initPayload is null ? (object)new { type = "connection_init" } : new { type = "connection_init", payload = initPayload }, timeout.Token);
        (await ReceiveAsync(socket, timeout.Token))["type"]!.GetValue<string>().ShouldBe("connection_ack");
        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query } }, timeout.Token);
        while (true)
        {
            var message = await ReceiveAsync(socket, timeout.Token);
            if ((string?)message["type"] is "next" or "error")
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
                return message;
            }
        }
    }

    private static ClientWebSocket Create(string? origin, CookieContainer? cookies)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null) socket.Options.SetRequestHeader("Origin", origin);
        if (cookies is not null) socket.Options.Cookies = cookies;
        return socket;
    }

    private static Uri Url(Uri silo) => new UriBuilder(silo) { Scheme = "ws", Path = "/graphql" }.Uri;

    private static CancellationTokenSource Timeout() => new(TimeSpan.FromSeconds(20));

    private static Task SendAsync(ClientWebSocket socket, object message, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task<JsonNode> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
                throw new InvalidOperationException($"the server closed the socket: {result.CloseStatus} {result.CloseStatusDescription}");
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!;
    }
}

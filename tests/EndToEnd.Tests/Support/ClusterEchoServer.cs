using System.Net;
using System.Net.WebSockets;
using System.Text;
using Cockpit.TestSupport;

namespace Cockpit.EndToEnd.Tests.Support;

/// <summary>
/// A destination for the proxy that is not a silo: echoes WebSocket messages and POST bodies, and answers its health
/// path with <see cref="HealthStatus"/>. Lets the proxy's WebSocket and retry behaviour be tested on their own.
/// </summary>
public sealed class ClusterEchoServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly List<Task> _sockets = [];

    public ClusterEchoServer(HttpStatusCode healthStatus)
    {
        HealthStatus = healthStatus;
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public HttpStatusCode HealthStatus { get; }
    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            if (context.Request.IsWebSocketRequest)
            {
                lock (_sockets) _sockets.Add(EchoSocketAsync(context));
                continue;
            }
            if (context.Request.Url!.AbsolutePath == "/health/ready")
            {
                context.Response.StatusCode = (int)HealthStatus;
                context.Response.Close();
                continue;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var answer = Encoding.UTF8.GetBytes($"{context.Request.HttpMethod} {context.Request.Url.PathAndQuery} {Encoding.UTF8.GetString(body.ToArray())}");
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/plain";
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
        }
    }

    private static async Task EchoSocketAsync(HttpListenerContext context)
    {
        try
        {
            using var socket = (await context.AcceptWebSocketAsync(subProtocol: null)).WebSocket;
            var buffer = new byte[4096];
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    return;
                }
                await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or HttpListenerException or ObjectDisposedException)
        {
            // the client went away
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
        Task[] sockets;
        lock (_sockets) sockets = [.. _sockets];
        await Task.WhenAll(sockets);
    }
}

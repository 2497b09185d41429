using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Cockpit.TestSupport;

namespace Cockpit.EndToEnd.Tests.Observability;

/// <summary>
/// Stands in for an OpenTelemetry collector: accepts OTLP/HTTP posts (/v1/traces, /v1/metrics, /v1/logs) and keeps
/// their bodies. OTLP protobuf carries names as plain UTF-8, so tests look for span, scope and metric names in them.
/// </summary>
public sealed class ObservabilityOtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _posts = new();
    private readonly Task _loop;

    public ObservabilityOtlpReceiver()
    {
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }
    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    /// <summary>True when some post to <paramref name="path"/> contains every one of <paramref name="texts"/>.</summary>
    public bool Received(string path, params string[] texts) =>
        _posts.Any(p => p.Path == path && texts.All(t => p.Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(t)) >= 0));

    public string Summary() => string.Join(", ", _posts.GroupBy(p => p.Path).Select(g => $"{g.Key}: {g.Count()} posts"));

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
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _posts.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            // An empty protobuf message is a valid "all accepted" answer of every OTLP export service.
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}

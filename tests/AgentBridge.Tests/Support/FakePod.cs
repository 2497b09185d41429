using System.Collections.Concurrent;
using System.Net;
using Cockpit.Grains.Ports;
using Cockpit.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cockpit.AgentBridge.Tests.Support;

/// <summary>
/// A tiny agent pod: real Kestrel on 127.0.0.1, answering with whatever the test says and recording every request
/// (method, path, body) before answering, so a test can both shape the answer and check what arrived.
/// </summary>
public sealed class FakePod : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly TaskCompletionSource<RecordedRequest> _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RecordedRequest>> _arrivals = new();
    private readonly CancellationTokenSource _stopping = new();

    private FakePod(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public PodAddress Address => new("127.0.0.1", Port);

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>
    /// Completes when the first request has been recorded: how tests wait for "the pod got it" without sleeping.
    /// Bounded, so that a request that never arrives fails the test instead of hanging the run.
    /// </summary>
    public Task<RecordedRequest> FirstRequest => _firstRequest.Task.WaitAsync(ArrivalBound);

    /// <summary>Longer than any push in these tests, so reaching it means the request is not coming.</summary>
    public static TimeSpan ArrivalBound { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Completes when a request for <paramref name="method"/> <paramref name="path"/> has been recorded (bounded too).</summary>
    public Task<RecordedRequest> Received(string method, string path) => Arrival(method, path).Task.WaitAsync(ArrivalBound);

    /// <summary>Cancelled when the pod stops, so handlers that hang for a test end with it.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public static async Task<FakePod> StartAsync(Func<HttpContext, FakePod, Task> respond)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var pod = new FakePod(app, port);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var recorded = new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                body,
                context.Request.ContentType,
                context.Request.ContentLength,
                context.Request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase),
                context.Request.Headers.Authorization.Count == 0 ? null : context.Request.Headers.Authorization.ToString());
            pod._requests.Enqueue(recorded);
            pod._firstRequest.TrySetResult(recorded);
            pod.Arrival(recorded.Method, recorded.Path).TrySetResult(recorded);
            await respond(context, pod);
        });
        await app.StartAsync();
        return pod;
    }

    /// <summary>A pod that always gives the same JSON answer.</summary>
    public static Task<FakePod> AnsweringAsync(int statusCode, string? json) =>
        StartAsync((context, _) => PodResponses.Json(context, statusCode, json));

    private TaskCompletionSource<RecordedRequest> Arrival(string method, string path) =>
        _arrivals.GetOrAdd($"{method} {path}", _ => new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously));

    public int Count(string method, string path) => _requests.Count(r => r.Method == method && r.Path == path);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}

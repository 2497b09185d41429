using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Cockpit.Protocol;
using Cockpit.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cockpit.Bench.Infrastructure;

/// <summary>
/// The agent pods' side of the push protocol, for every simulated agent at one loopback address: records when each
/// /job/start arrives (Stopwatch timestamp, taken before the body is read) and answers "accepted".
/// </summary>
public sealed class FakePods : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<Guid, ConcurrentQueue<long>> _starts = new();
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<long>> _waiters = new();

    private FakePods(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Called for every /job/start with the job's id, before the pod answers.</summary>
    public Action<Guid>? JobStarted { get; set; }

    public static async Task<FakePods> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var pods = new FakePods(app, port);
        app.MapPost(ProtocolPaths.JobStart, pods.StartAsync);
        app.MapPost(ProtocolPaths.JobCancel, () => TypedResults.Json(new { status = "cancelling" }));
        app.MapPost(ProtocolPaths.JobResume, () => TypedResults.Json(new { status = "accepted" }));
        app.MapGet(ProtocolPaths.Health, () => TypedResults.Json(new { status = "healthy" }));
        app.MapGet(ProtocolPaths.Status, () => TypedResults.Json(new { status = "ready" }));
        await app.StartAsync();
        return pods;
    }

    /// <summary>Completes with the Stopwatch timestamp at which the job's first /job/start arrived.</summary>
    public Task<long> WhenStartedAsync(Guid jobId)
    {
        var waiter = _waiters.GetOrAdd(jobId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_starts.TryGetValue(jobId, out var arrivals) && arrivals.TryPeek(out var first)) waiter.TrySetResult(first);
        return waiter.Task;
    }

    /// <summary>How many times /job/start arrived for the job (more than once is a duplicate).</summary>
    public int StartCount(Guid jobId) => _starts.TryGetValue(jobId, out var arrivals) ? arrivals.Count : 0;

    private async Task StartAsync(HttpContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        var request = await JsonSerializer.DeserializeAsync<JobStartRequest>(context.Request.Body, cancellationToken: context.RequestAborted);
        var jobId = request!.JobId;
        _starts.GetOrAdd(jobId, _ => new ConcurrentQueue<long>()).Enqueue(arrived);
        JobStarted?.Invoke(jobId);
        _waiters.GetOrAdd(jobId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(arrived);
        await context.Response.WriteAsJsonAsync(new JobCommandResponse { Status = "accepted" }, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

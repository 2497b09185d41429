using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Cockpit.Bench.Load;
using Cockpit.Protocol;
using Cockpit.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cockpit.Bench.Queue;

/// <summary>
/// Simulated agents that finish every job at once: each listens on a port of its own (so a /job/start says which
/// agent got it), answers "accepted", and then reports <c>working</c>, <c>completed</c> and <c>ready</c> as the
/// reference agent does. While the gate is closed, agents keep their job (they do not report) until it opens, so a
/// whole backlog can be queued before the drain is timed.
/// </summary>
public sealed class FinishingAgents : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<int, int> _agentByPort;
    private readonly ConcurrentQueue<QueueStart> _starts = new();
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<long>> _waiters = new();
    private readonly ConcurrentDictionary<Guid, int> _startCounts = new();
    private readonly ConcurrentQueue<(int Agent, Guid Job)> _held = new();
    private readonly object _gateLock = new();
    private readonly ConcurrentBag<Task> _reports = [];
    private bool _gateOpen = true;
    private long _reportFailures;

    private FinishingAgents(WebApplication app, int[] ports)
    {
        _app = app;
        Ports = ports;
        _agentByPort = ports.Select((port, agent) => (port, agent)).ToDictionary(p => p.port, p => p.agent);
    }

    /// <summary>Agent i's pod port.</summary>
    public IReadOnlyList<int> Ports { get; }

    /// <summary>Agent i's id at the contender, set once registered; reports go to <see cref="Client"/>.</summary>
    public Guid[] AgentIds { get; private set; } = [];

    public AgentProtocolClient? Client { get; private set; }

    public long ReportFailures => Interlocked.Read(ref _reportFailures);

    public int StartCount => _starts.Count;

    public static async Task<FinishingAgents> StartAsync(int count)
    {
        var ports = Enumerable.Range(0, count).Select(_ => FreePort.Next()).ToArray();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            foreach (var port in ports) k.Listen(IPAddress.Loopback, port);
        });
        var app = builder.Build();
        var agents = new FinishingAgents(app, ports);
        app.MapPost(ProtocolPaths.JobStart, agents.JobStartAsync);
        app.MapPost(ProtocolPaths.JobCancel, () => TypedResults.Json(new { status = "cancelling" }));
        app.MapGet(ProtocolPaths.Health, () => TypedResults.Json(new { status = "healthy" }));
        await app.StartAsync();
        return agents;
    }

    /// <summary>Registers every agent at the client's contender and makes it ready.</summary>
    public async Task RegisterAsync(AgentProtocolClient client, string hostnamePrefix)
    {
        Client = client;
        var ids = new Guid[Ports.Count];
        await Task.WhenAll(Enumerable.Range(0, Ports.Count).Chunk(Math.Max(1, Ports.Count / 16)).Select(chunk => Task.Run(async () =>
        {
            foreach (var i in chunk) ids[i] = await client.RegisterAsync($"{hostnamePrefix}-{i}", Ports[i]);
        })));
        AgentIds = ids;
        await FleetWarmup.MakeReadyAsync(client, ids);
    }

    /// <summary>From now on, agents keep the jobs they get until <see cref="OpenGate"/>.</summary>
    public void CloseGate()
    {
        lock (_gateLock) _gateOpen = false;
    }

    /// <summary>Releases every kept job (each agent reports it done) and lets later ones finish at once again.</summary>
    public void OpenGate()
    {
        lock (_gateLock)
        {
            _gateOpen = true;
            while (_held.TryDequeue(out var held)) _reports.Add(Task.Run(() => FinishAsync(held.Agent, held.Job)));
        }
    }

    /// <summary>Completes with the Stopwatch timestamp of the job's first /job/start.</summary>
    public Task<long> WhenStartedAsync(Guid jobId) =>
        _waiters.GetOrAdd(jobId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Waits until at least <paramref name="count"/> starts have arrived, polling with a deadline.</summary>
    public async Task WaitForStartsAsync(int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (_starts.Count < count)
        {
            if (deadline.Elapsed > timeout)
                throw new TimeoutException($"{_starts.Count} of {count} jobs started within {timeout.TotalSeconds:0} s");
            await Task.Delay(5);
        }
    }

    /// <summary>Every start so far, in arrival order.</summary>
    public IReadOnlyList<QueueStart> Starts => [.. _starts];

    /// <summary>Jobs that reached an agent more than once.</summary>
    public int DuplicateStarts => _startCounts.Count(p => p.Value > 1);

    /// <summary>Waits for the reports already under way (so no agent talks to a contender that is being stopped).</summary>
    public Task DrainReportsAsync() => Task.WhenAll(_reports.ToArray());

    private async Task JobStartAsync(HttpContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        var request = await JsonSerializer.DeserializeAsync<JobStartRequest>(context.Request.Body, cancellationToken: context.RequestAborted);
        var jobId = request!.JobId;
        var agent = _agentByPort[context.Connection.LocalPort];
        _starts.Enqueue(new QueueStart(jobId, agent, arrived));
        _startCounts.AddOrUpdate(jobId, 1, (_, n) => n + 1);
        _waiters.GetOrAdd(jobId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(arrived);
        // Report only once the answer is out, as the reference agent's heartbeats follow its "accepted".
        context.Response.OnCompleted(() =>
        {
            lock (_gateLock)
            {
                if (_gateOpen) _reports.Add(Task.Run(() => FinishAsync(agent, jobId)));
                else _held.Enqueue((agent, jobId));
            }
            return Task.CompletedTask;
        });
        await context.Response.WriteAsJsonAsync(new JobCommandResponse { Status = "accepted" }, context.RequestAborted);
    }

    private async Task FinishAsync(int agent, Guid jobId)
    {
        var client = Client!;
        var id = AgentIds[agent];
        foreach (var body in new[] { Payloads.Heartbeat(AgentStatuses.Working, jobId), Payloads.Heartbeat(AgentStatuses.Completed, jobId), Payloads.ReadyHeartbeat })
        {
            if (await client.HeartbeatAsync(id, body) != HttpStatusCode.OK)
            {
                Interlocked.Increment(ref _reportFailures);
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

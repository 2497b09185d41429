using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cockpit.EndToEnd.Tests.Support.Fleet;

/// <summary>
/// Many agent pods in the test process: each registers and heartbeats over real HTTP like the reference agent, and
/// answers the orchestrator's pushes (<c>/job/start</c>, <c>/job/cancel</c>, <c>/job/resume</c>) on a loopback port
/// of its own, all served by one Kestrel. Hundreds of reference agent processes would not fit on a small machine;
/// these cost a task and a socket each. Every push and every acknowledged outcome is counted per job, so a test can
/// tell a job that ran twice from one that ran once.
/// </summary>
public sealed class SimulatedAgentFleet : IAsyncDisposable
{
    private readonly FleetOptions _options;
    private readonly HttpClient _http;
    private readonly WebApplication _pods;
    private readonly Dictionary<int, FleetAgent> _byPort = [];
    private readonly List<FleetAgent> _agents = [];
    private readonly List<Task> _loops = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationToken _stopping;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<Guid, int> _starts = new();
    private readonly ConcurrentDictionary<Guid, int> _resumes = new();
    private readonly ConcurrentDictionary<Guid, int> _cancels = new();
    private readonly ConcurrentDictionary<Guid, int> _completionsAcknowledged = new();

    private SimulatedAgentFleet(Uri orchestrator, int count, FleetOptions options)
    {
        _options = options;
        _stopping = _stop.Token;
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = orchestrator,
            Timeout = options.RequestTimeout,
        };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            for (var i = 0; i < count; i++) kestrel.Listen(IPAddress.Loopback, 0);
        });
        _pods = builder.Build();
        _pods.MapPost("/job/start", (Func<HttpContext, Task<IResult>>)StartAsync);
        _pods.MapPost("/job/cancel", (Func<HttpContext, Task<IResult>>)CancelAsync);
        _pods.MapPost("/job/resume", (Func<HttpContext, Task<IResult>>)ResumeAsync);
        _pods.MapGet("/health", Status);
        _pods.MapGet("/status", Status);
    }

    public IReadOnlyList<FleetAgent> Agents => _agents;

    /// <summary><c>/job/start</c> pushes each job's pod accepted.</summary>
    public IReadOnlyDictionary<Guid, int> Starts => _starts;

    /// <summary><c>/job/resume</c> pushes each job's pod accepted.</summary>
    public IReadOnlyDictionary<Guid, int> Resumes => _resumes;

    /// <summary><c>/job/cancel</c> pushes that stopped a running job.</summary>
    public IReadOnlyDictionary<Guid, int> Cancels => _cancels;

    /// <summary>"completed" heartbeats the orchestrator acknowledged, per job.</summary>
    public IReadOnlyDictionary<Guid, int> CompletionsAcknowledged => _completionsAcknowledged;

    /// <summary>Starts <paramref name="count"/> pods and their heartbeat loops against <paramref name="orchestrator"/>; returns at once.</summary>
    public static async Task<SimulatedAgentFleet> StartAsync(Uri orchestrator, int count, FleetOptions? options = null)
    {
        var fleet = new SimulatedAgentFleet(orchestrator, count, options ?? new FleetOptions());
        await fleet._pods.StartAsync();
        var ports = fleet._pods.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Select(address => new Uri(address).Port).Order().ToList();
        ports.Count.ShouldBe(count, "every simulated pod needs a port of its own");
        for (var i = 0; i < count; i++)
        {
            var agent = new FleetAgent($"{fleet._options.HostnamePrefix}-{i}", ports[i]);
            fleet._agents.Add(agent);
            fleet._byPort[agent.PodPort] = agent;
        }
        for (var i = 0; i < count; i++)
        {
            // Spread over one interval, so the fleet does not beat in step.
            var offset = TimeSpan.FromMilliseconds(1000.0 * i / count);
            var agent = fleet._agents[i];
            fleet._loops.Add(Task.Run(() => fleet.RunAsync(agent, offset, fleet._stop.Token)));
        }
        return fleet;
    }

    /// <summary>Waits until every agent has an id and has had a heartbeat acknowledged.</summary>
    public Task WaitUntilRegisteredAsync(TimeSpan timeout) =>
        Eventually.UntilAsync(() => Task.FromResult(_agents.All(a => a.Id != Guid.Empty && a.Heartbeats.Any(h => h.Status == HttpStatusCode.OK))),
            timeout, $"all {_agents.Count} simulated agents to register and heartbeat",
            () => $"{_agents.Count(a => a.Id == Guid.Empty)} unregistered (e.g. {_agents.FirstOrDefault(a => a.RegistrationProblem is not null)?.RegistrationProblem}); last answers: " +
                  string.Join(", ", _agents.SelectMany(a => a.Heartbeats).TakeLast(5).Select(h => h.Status?.ToString() ?? "no answer")));

    /// <summary>Lets jobs held at <see cref="FleetOptions.HoldAtStep"/> go on.</summary>
    public void ReleaseHeldJobs() => _release.TrySetResult();

    /// <summary>Agents whose job is waiting at <see cref="FleetOptions.HoldAtStep"/>.</summary>
    public int HeldCount => _agents.Count(a => a.Status == "working" && a.Processed == _options.HoldAtStep);

    public FleetAgent ById(Guid id) => _agents.Single(a => a.Id == id);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var agent in _agents) agent.Crash();
        await Task.WhenAll(_loops);
        await _pods.StopAsync();
        await _pods.DisposeAsync();
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync(FleetAgent agent, TimeSpan offset, CancellationToken stop)
    {
        try
        {
            await Task.Delay(offset, stop);
            while (!stop.IsCancellationRequested)
            {
                if (agent.Crashed || agent.Silent)
                {
                    await Task.Delay(agent.Interval, stop);
                    continue;
                }
                if (agent.Id == Guid.Empty)
                {
                    if (!await RegisterAsync(agent, stop)) await Task.Delay(_options.RetryDelay, stop);
                    continue;
                }

                var report = agent.NextReport();
                var sentAt = DateTime.UtcNow;
                var status = await SendHeartbeatAsync(agent, report, stop);
                agent.Record(new HeartbeatOutcome(sentAt, DateTime.UtcNow, status, report.Status));
                if (status == HttpStatusCode.OK)
                {
                    agent.Acknowledge(report);
                    if (report is { Status: "completed", JobId: { } done }) _completionsAcknowledged.AddOrUpdate(done, 1, (_, n) => n + 1);
                    await WaitForNextHeartbeatAsync(agent, sentAt, stop);
                }
                else if (status == HttpStatusCode.NotFound)
                {
                    agent.Id = Guid.Empty; // the orchestrator forgot us: register again, as the reference agent does
                }
                else
                {
                    await Task.Delay(_options.RetryDelay, stop);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // the fleet is shutting down
        }
    }

    private async Task WaitForNextHeartbeatAsync(FleetAgent agent, DateTime sentAt, CancellationToken stop)
    {
        while (!agent.Crashed)
        {
            var change = agent.NextChange();
            if (agent.HasUnreported) return;
            var wait = sentAt + agent.Interval - DateTime.UtcNow;
            if (wait <= TimeSpan.Zero) return;
            using var delay = CancellationTokenSource.CreateLinkedTokenSource(stop);
            await Task.WhenAny(change, Task.Delay(wait, delay.Token));
            await delay.CancelAsync();
            stop.ThrowIfCancellationRequested();
        }
    }

    private async Task<bool> RegisterAsync(FleetAgent agent, CancellationToken stop)
    {
        try
        {
            using var response = await _http.PostAsJsonAsync("/api/agents/register", new
            {
                config_name = _options.ConfigName,
                hostname = agent.Hostname,
                pod_ip = "127.0.0.1",
                pod_port = agent.PodPort,
                pid = Environment.ProcessId,
                metadata = new { agent = "simulated-fleet" },
            }, stop);
            if (!response.IsSuccessStatusCode)
            {
                agent.RegistrationProblem = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(stop)}";
                return false;
            }
            agent.RegistrationProblem = null;
            var answer = (await response.Content.ReadFromJsonAsync<JsonObject>(stop))!;
            agent.MarkRegistered(Guid.Parse((string)answer["agent_id"]!), TimeSpan.FromSeconds((int)answer["heartbeat_interval_seconds"]!));
            return true;
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !stop.IsCancellationRequested))
        {
            agent.RegistrationProblem = e.Message;
            return false;
        }
    }

    private async Task<HttpStatusCode?> SendHeartbeatAsync(FleetAgent agent, FleetReport report, CancellationToken stop)
    {
        try
        {
            using var response = await _http.PostAsJsonAsync($"/api/agents/{agent.Id}/heartbeat", report.Body(), stop);
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !stop.IsCancellationRequested))
        {
            return null;
        }
    }

    private async Task<IResult> StartAsync(HttpContext context)
    {
        if (Pod(context) is not { } agent) return Results.Empty;
        var body = await ReadAsync(context);
        var jobId = body.GetProperty("job_id").GetGuid();
        var steps = body.TryGetProperty("context", out var jobContext) && jobContext.ValueKind == JsonValueKind.Object
            && jobContext.TryGetProperty("steps", out var s) && s.TryGetInt32(out var n) ? n : _options.DefaultSteps;
        return Admit(agent, jobId, steps, from: 0, _starts);
    }

    private async Task<IResult> ResumeAsync(HttpContext context)
    {
        if (Pod(context) is not { } agent) return Results.Empty;
        var jobId = (await ReadAsync(context)).GetProperty("job_id").GetGuid();
        if (agent.Checkpoint(jobId) is not { } saved) return Results.NotFound(new { status = "not_found", message = "no checkpoint" });
        return Admit(agent, jobId, saved.Total, saved.Done, _resumes);
    }

    private async Task<IResult> CancelAsync(HttpContext context)
    {
        if (Pod(context) is not { } agent) return Results.Empty;
        var jobId = (await ReadAsync(context)).GetProperty("job_id").GetGuid();
        if (!agent.Cancel(jobId)) return Results.Conflict(new { status = "not_running" });
        _cancels.AddOrUpdate(jobId, 1, (_, c) => c + 1);
        return Results.Ok(new { status = "cancelling" });
    }

    private IResult Status(HttpContext context) =>
        Pod(context) is { } agent ? Results.Ok(new { agent_id = agent.Id, status = agent.Status, current_job_id = agent.CurrentJobId }) : Results.Empty;

    private IResult Admit(FleetAgent agent, Guid jobId, int steps, int from, ConcurrentDictionary<Guid, int> ledger)
    {
        var admission = agent.TryStart(jobId, steps, from, run => WorkAsync(agent, run));
        if (admission == PodAdmission.Busy) return Results.Conflict(new { status = "busy" });
        if (admission == PodAdmission.Admitted) ledger.AddOrUpdate(jobId, 1, (_, c) => c + 1);
        return Results.Ok(new { status = "accepted" });
    }

    /// <summary>Steps until the job is done or its run is over (cancelled, crashed, the fleet stopped).</summary>
    private async Task WorkAsync(FleetAgent agent, long run)
    {
        try
        {
            do
            {
                await Task.Delay(_options.StepDelay, _stopping); // simulated work, not synchronisation
                if (agent.Processed == _options.HoldAtStep) await _release.Task.WaitAsync(_stopping);
            }
            while (agent.Step(run));
        }
        catch (OperationCanceledException)
        {
            // the fleet is shutting down
        }
    }

    /// <summary>The agent whose pod port the request came in on; a crashed or unreachable one drops the connection instead.</summary>
    private FleetAgent? Pod(HttpContext context)
    {
        if (_byPort.TryGetValue(context.Connection.LocalPort, out var agent) && !agent.Crashed && !agent.PodUnreachable) return agent;
        context.Abort();
        return null;
    }

    private static async Task<JsonElement> ReadAsync(HttpContext context) =>
        (await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted)).RootElement;
}

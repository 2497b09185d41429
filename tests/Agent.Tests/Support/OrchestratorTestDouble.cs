using System.Net;
using Cockpit.Protocol;
using Cockpit.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cockpit.Agent.Tests.Support;

/// <summary>
/// A test double of the orchestrator: a real Kestrel app that answers register / heartbeat / deregister the way
/// the seed describes (same hostname → same agent id, 404 for an agent it does not know) and records every call.
/// </summary>
public sealed class OrchestratorTestDouble : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<RecordedRegistration> _registrations = [];
    private readonly List<RecordedHeartbeat> _heartbeats = [];
    private readonly List<Guid> _deregistrations = [];
    private readonly Dictionary<string, Guid> _idsByHostname = [];
    private readonly HashSet<Guid> _known = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _rejectRegistrations;
    private bool _issueAgentTokens;

    private OrchestratorTestDouble(WebApplication app, Uri url, int heartbeatIntervalSeconds)
    {
        _app = app;
        Url = url;
        HeartbeatIntervalSeconds = heartbeatIntervalSeconds;
    }

    public Uri Url { get; }

    public int HeartbeatIntervalSeconds { get; }

    /// <param name="rejectRegistrations">Answer 503 to this many registrations first, like an orchestrator still starting up.</param>
    /// <param name="issueAgentTokens">Answer each registration with an agent token (<see cref="AgentTokenOf"/>), like an orchestrator with AGENT_REGISTRATION_TOKEN.</param>
    public static async Task<OrchestratorTestDouble> StartAsync(int heartbeatIntervalSeconds = 1, int? port = null, int rejectRegistrations = 0,
        bool issueAgentTokens = false)
    {
        port ??= FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port.Value));
        builder.Services.ConfigureHttpJsonOptions(json => AgentJson.Configure(json.SerializerOptions));
        var app = builder.Build();
        var orchestrator = new OrchestratorTestDouble(app, new Uri($"http://127.0.0.1:{port}"), heartbeatIntervalSeconds)
        {
            _rejectRegistrations = rejectRegistrations,
            _issueAgentTokens = issueAgentTokens,
        };
        app.MapPost(ProtocolPaths.Register, (AgentRegistration registration) => orchestrator.Register(registration));
        app.MapPost("/api/agents/{id:guid}/heartbeat", (Guid id, AgentHeartbeat heartbeat) => orchestrator.Heartbeat(id, heartbeat));
        app.MapDelete("/api/agents/{id:guid}", (Guid id) => orchestrator.Deregister(id));
        await app.StartAsync();
        return orchestrator;
    }

    /// <summary>The agent token this double issues to <paramref name="agentId"/> when it issues any.</summary>
    public static string AgentTokenOf(Guid agentId) => $"test-agent-token-{agentId:N}";

    /// <summary>Lose all memory of the agent, like an orchestrator restarted without its database.</summary>
    public void Forget(Guid agentId)
    {
        lock (_lock)
        {
            _known.Remove(agentId);
            foreach (var hostname in _idsByHostname.Where(p => p.Value == agentId).Select(p => p.Key).ToList())
                _idsByHostname.Remove(hostname);
        }
    }

    public IReadOnlyList<RecordedRegistration> Registrations
    {
        get { lock (_lock) return [.. _registrations]; }
    }

    public IReadOnlyList<RecordedHeartbeat> Heartbeats
    {
        get { lock (_lock) return [.. _heartbeats]; }
    }

    public IReadOnlyList<Guid> Deregistrations
    {
        get { lock (_lock) return [.. _deregistrations]; }
    }

    /// <summary>Heartbeats the double accepted for <paramref name="agentId"/>, in arrival order.</summary>
    public IReadOnlyList<AgentHeartbeat> AcceptedHeartbeats(Guid agentId) =>
        [.. Heartbeats.Where(h => h.AgentId == agentId && h.Accepted).Select(h => h.Heartbeat)];

    /// <summary>Accepted heartbeats from any id the agent with <paramref name="hostname"/> was given.</summary>
    public IReadOnlyList<AgentHeartbeat> AcceptedHeartbeatsOf(string hostname)
    {
        var ids = Registrations.Where(r => r.Registration.Hostname == hostname && r.AgentId is not null).Select(r => r.AgentId!.Value).ToHashSet();
        return [.. Heartbeats.Where(h => h.Accepted && ids.Contains(h.AgentId)).Select(h => h.Heartbeat)];
    }

    /// <summary>Re-checks <paramref name="probe"/> after every recorded call until it returns a value or the deadline passes.</summary>
    public async Task<T> WaitForAsync<T>(Func<OrchestratorTestDouble, T?> probe, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            Task changed;
            lock (_lock) changed = _changed.Task;
            if (probe(this) is { } value && !EqualityComparer<T>.Default.Equals(value, default)) return value;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || await Task.WhenAny(changed, Task.Delay(left)) != changed)
                throw new TimeoutException($"Timed out waiting for {what}. Heartbeats so far: {Describe()}");
        }
    }

    public string Describe() => string.Join(", ", Heartbeats.Select(h =>
        $"{(h.Accepted ? "" : "404:")}{h.Heartbeat.Status}" +
        (h.Heartbeat.Progress is { } p ? $"({p.ProcessedRequirements}/{p.TotalRequirements})" : "")));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult Register(AgentRegistration registration)
    {
        lock (_lock)
        {
            if (_rejectRegistrations > 0)
            {
                _rejectRegistrations--;
                RecordLocked(() => _registrations.Add(new RecordedRegistration(registration, null)));
                return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
            if (string.IsNullOrWhiteSpace(registration.ConfigName) || string.IsNullOrWhiteSpace(registration.PodIp))
                return TypedResults.BadRequest();
            var hostname = registration.Hostname ?? Guid.NewGuid().ToString();
            if (!_idsByHostname.TryGetValue(hostname, out var id))
            {
                id = Guid.NewGuid();
                _idsByHostname[hostname] = id;
            }
            _known.Add(id);
            RecordLocked(() => _registrations.Add(new RecordedRegistration(registration, id)));
            return TypedResults.Ok(new AgentRegistrationResponse
            {
                AgentId = id,
                HeartbeatIntervalSeconds = HeartbeatIntervalSeconds,
                AgentToken = _issueAgentTokens ? AgentTokenOf(id) : null,
            });
        }
    }

    private IResult Heartbeat(Guid id, AgentHeartbeat heartbeat)
    {
        lock (_lock)
        {
            var known = _known.Contains(id);
            RecordLocked(() => _heartbeats.Add(new RecordedHeartbeat(id, heartbeat, known)));
            return known
                ? TypedResults.Ok(new HeartbeatResponse { Ok = true, Status = heartbeat.Status })
                : TypedResults.NotFound(new { detail = $"agent {id} is not registered" });
        }
    }

    private IResult Deregister(Guid id)
    {
        lock (_lock)
        {
            var known = _known.Remove(id);
            RecordLocked(() => _deregistrations.Add(id));
            return known ? TypedResults.NoContent() : TypedResults.NotFound();
        }
    }

    private void RecordLocked(Action record)
    {
        record();
        var previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }
}

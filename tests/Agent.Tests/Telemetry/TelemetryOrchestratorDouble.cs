using System.Net;
using System.Text.Json.Nodes;
using Cockpit.Agent;
using Cockpit.Protocol;
using Cockpit.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cockpit.Agent.Tests.Telemetry;

/// <summary>
/// An orchestrator test double that also takes telemetry: register, heartbeat and deregister as the seed says, and
/// <c>POST /api/agents/{id}/telemetry</c> recorded in arrival order (one sequence shared with heartbeats, so tests
/// can tell what arrived first). Telemetry answers can be scripted (e.g. 503 twice, then 200).
/// </summary>
public sealed class TelemetryOrchestratorDouble : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<(long Seq, JsonObject Body)> _batches = [];
    private readonly List<(long Seq, AgentHeartbeat Heartbeat)> _heartbeats = [];
    private readonly Queue<HttpStatusCode> _scriptedAnswers = new();
    private readonly Guid _agentId = Guid.NewGuid();
    private long _seq;
    private int _telemetryAttempts;

    private TelemetryOrchestratorDouble(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public int TelemetryAttempts
    {
        get { lock (_lock) return _telemetryAttempts; }
    }

    public static async Task<TelemetryOrchestratorDouble> StartAsync(params HttpStatusCode[] firstTelemetryAnswers)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.ConfigureHttpJsonOptions(json => AgentJson.Configure(json.SerializerOptions));
        var app = builder.Build();
        var double_ = new TelemetryOrchestratorDouble(app, new Uri($"http://127.0.0.1:{port}"));
        foreach (var answer in firstTelemetryAnswers) double_._scriptedAnswers.Enqueue(answer);
        app.MapPost(ProtocolPaths.Register, () => TypedResults.Ok(new AgentRegistrationResponse { AgentId = double_._agentId, HeartbeatIntervalSeconds = 1 }));
        app.MapPost("/api/agents/{id:guid}/heartbeat", (Guid id, AgentHeartbeat heartbeat) =>
        {
            lock (double_._lock) double_._heartbeats.Add((++double_._seq, heartbeat));
            return TypedResults.Ok(new HeartbeatResponse { Ok = true, Status = heartbeat.Status });
        });
        app.MapDelete("/api/agents/{id:guid}", () => TypedResults.NoContent());
        app.MapPost("/api/agents/{id:guid}/telemetry", async (Guid id, HttpRequest request) =>
        {
            var body = (JsonObject)(await JsonNode.ParseAsync(request.Body))!;
            lock (double_._lock)
            {
                double_._telemetryAttempts++;
                if (double_._scriptedAnswers.TryDequeue(out var scripted) && scripted != HttpStatusCode.OK) return Results.StatusCode((int)scripted);
                if (id != double_._agentId) return Results.NotFound();
                double_._batches.Add((++double_._seq, body));
            }
            return Results.Ok(new { });
        });
        await app.StartAsync();
        return double_;
    }

    /// <summary>Every item of one kind ("audit", "requirements", "graph") received so far, in order.</summary>
    public IReadOnlyList<JsonObject> Items(string kind)
    {
        lock (_lock) return [.. _batches.SelectMany(b => b.Body[kind] as JsonArray ?? []).OfType<JsonObject>()];
    }

    public int Batches
    {
        get { lock (_lock) return _batches.Count; }
    }

    /// <summary>Arrival number of the last telemetry batch holding an audit entry named <paramref name="name"/>.</summary>
    public long? SeqOfAudit(string name)
    {
        lock (_lock)
        {
            return _batches.LastOrDefault(b => (b.Body["audit"] as JsonArray ?? []).Any(a => (string?)a?["name"] == name)) is { Body: not null } found
                ? found.Seq
                : null;
        }
    }

    /// <summary>Arrival number of the first heartbeat with <paramref name="status"/>.</summary>
    public long? SeqOfHeartbeat(string status)
    {
        lock (_lock) return _heartbeats.FirstOrDefault(h => h.Heartbeat.Status == status) is { Heartbeat: not null } found ? found.Seq : null;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

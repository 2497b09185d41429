using System.Collections.Concurrent;
using System.Text;
using Cockpit.Protocol;
using Microsoft.AspNetCore.Http;

namespace Cockpit.Bench.BaselineServers;

/// <summary>
/// Baseline (a): Kestrel and nothing else. A heartbeat's body is read and dropped and a constant answer goes back.
/// Only what a scenario cannot do without is kept, in memory: pod addresses (to push /job/start) and, while a
/// live-event subscriber is connected, each agent's last status (to send a change).
/// </summary>
public sealed class BareBackend(LiveSockets live, PodPusher pods) : IBaselineBackend
{
    private static readonly byte[] HeartbeatAnswer = Encoding.UTF8.GetBytes("""{"ok":true,"status":"ready"}""");
    private readonly ConcurrentDictionary<Guid, (string Ip, int Port)> _pods = new();
    private readonly ConcurrentDictionary<Guid, string> _statuses = new();

    public async Task RegisterAsync(HttpContext context)
    {
        var body = await BaselineJson.ReadAsync<AgentRegistration>(context);
        var id = Guid.NewGuid();
        _pods[id] = (body?.PodIp ?? "127.0.0.1", body?.PodPort ?? ProtocolPaths.DefaultAgentPort);
        await BaselineJson.WriteAsync(context, new AgentRegistrationResponse { AgentId = id, HeartbeatIntervalSeconds = 60 });
    }

    public async Task HeartbeatAsync(HttpContext context, Guid agentId)
    {
        if (live.HasSubscribers)
        {
            var body = await BaselineJson.ReadAsync<AgentHeartbeat>(context);
            var status = body?.Status ?? "ready";
            if (_statuses.TryGetValue(agentId, out var before) ? before != status : true)
            {
                _statuses[agentId] = status;
                await live.PublishAgentChangedAsync(agentId, status);
            }
        }
        else
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(HeartbeatAnswer, context.RequestAborted);
    }

    public async Task CreateJobAsync(HttpContext context)
    {
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        await BaselineJson.WriteAsync(context, new { id = Guid.NewGuid(), status = "created" }, StatusCodes.Status201Created);
    }

    public async Task AssignAsync(HttpContext context, Guid jobId, Guid agentId)
    {
        if (!_pods.TryGetValue(agentId, out var pod))
        {
            await BaselineJson.WriteGraphQLErrorAsync(context, $"agent {agentId} not found");
            return;
        }
        if (!await pods.StartAsync(pod.Ip, pod.Port, jobId, "bench"))
        {
            await BaselineJson.WriteGraphQLErrorAsync(context, "push refused");
            return;
        }
        await BaselineJson.WriteAssignedAsync(context, jobId);
    }
}

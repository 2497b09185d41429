using System.Net;

namespace Cockpit.EndToEnd.Tests.Support;

/// <summary>
/// An agent that only speaks the inbound protocol (register, heartbeat) from the test, over real HTTP. Used where
/// many agents are needed and none has to run a job; jobs always go to real reference agent processes.
/// </summary>
public sealed class SimulatedAgent(string hostname)
{
    public string Hostname { get; } = hostname;
    public Guid Id { get; private set; }

    public async Task RegisterAsync(CockpitClient silo)
    {
        var response = await silo.PostJsonAsync("/api/agents/register", new { config_name = "sim", hostname = Hostname, pod_ip = "127.0.0.1", pod_port = 9, pid = 1 });
        Id = Guid.Parse((string)response.Ok()["agent_id"]!);
    }

    public Task<ApiResponse> HeartbeatAsync(CockpitClient silo, string status = "ready") =>
        silo.PostJsonAsync($"/api/agents/{Id}/heartbeat", new { status });

    public async Task<bool> HeartbeatSucceedsAsync(CockpitClient silo)
    {
        try
        {
            return (await HeartbeatAsync(silo)).Status == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Cockpit.EndToEnd.Tests.Support;

/// <summary>
/// "No agent was registered by a refused request", against a read model that lags: registers a marker agent after the
/// refused requests, waits until the list shows it, then checks that no agent has any of the hostnames.
/// </summary>
public static class AgentAbsence
{
    public static async Task AssertNoAgentWithHostnameAsync(CockpitClient admin, string registrationToken, params string[] hostnames)
    {
        var marker = "marker-" + Guid.NewGuid().ToString("N")[..8];
        var registered = await admin.SendAsync(HttpMethod.Post, "/api/agents/register",
            JsonContent.Create(new { config_name = "sim", hostname = marker, pod_ip = "127.0.0.1", pod_port = 9 }),
            new Dictionary<string, string> { ["Authorization"] = "Bearer " + registrationToken });
        registered.Ok();
        var agents = await Eventually.UntilAsync(async () =>
        {
            var list = await admin.AgentsAsync();
            return list.Any(a => (string?)a!["hostname"] == marker) ? list : null;
        }, TimeSpan.FromSeconds(30), "the marker agent in the list");
        agents.OfType<JsonObject>().Where(a => hostnames.Contains((string?)a["hostname"])).ShouldBeEmpty("a refused registration registered an agent");
    }
}

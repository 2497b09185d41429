using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cockpit.Protocol;

namespace Cockpit.Agent.Orchestrator;

/// <summary>The agent's three calls to the orchestrator, with the seed's paths and JSON shapes.</summary>
public sealed class OrchestratorClient(HttpClient http)
{
    /// <exception cref="HttpRequestException">No registration: network error, or a non-2xx answer.</exception>
    public async Task<AgentRegistrationResponse> RegisterAsync(AgentRegistration registration, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(ProtocolPaths.Register.TrimStart('/'), Json(registration), cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"registration answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<AgentRegistrationResponse>(AgentJson.Wire, cancellationToken)
            ?? throw new HttpRequestException("registration answered an empty body");
    }

    public async Task<HeartbeatDelivery> SendHeartbeatAsync(Guid agentId, AgentHeartbeat heartbeat, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(ProtocolPaths.Heartbeat(agentId).TrimStart('/'), Json(heartbeat), cancellationToken);
        return response.StatusCode switch
        {
            // 401: our agent token is not (or no longer) valid, e.g. the registration token changed; registering anew gets one.
            HttpStatusCode.NotFound or HttpStatusCode.Unauthorized => HeartbeatDelivery.UnknownAgent,
            _ when response.IsSuccessStatusCode => HeartbeatDelivery.Delivered,
            _ => HeartbeatDelivery.Failed,
        };
    }

    /// <summary>True when the orchestrator removed the agent (or did not know it anyway).</summary>
    public async Task<bool> DeregisterAsync(Guid agentId, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync(ProtocolPaths.Agent(agentId).TrimStart('/'), cancellationToken);
        return response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound;
    }

    // Serialized up front so the request carries a Content-Length: JsonContent streams chunked, which some
    // minimal servers and proxies do not accept.
    private static ByteArrayContent Json<T>(T body)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, AgentJson.Wire));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}

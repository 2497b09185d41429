using System.Net.Http.Headers;
using Cockpit.Protocol;

namespace Cockpit.Agent.Orchestrator;

/// <summary>
/// Adds <c>Authorization: Bearer</c> to calls to the orchestrator: the registration token on registration, the agent
/// token on everything else (heartbeats, deregistration, telemetry). Adds nothing it does not have.
/// </summary>
public sealed class OrchestratorAuthHandler(OrchestratorCredentials credentials) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var isRegistration = request.RequestUri?.AbsolutePath.EndsWith(ProtocolPaths.Register, StringComparison.Ordinal) == true;
        var token = isRegistration ? credentials.RegistrationToken : credentials.AgentToken;
        if (!string.IsNullOrEmpty(token)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return base.SendAsync(request, cancellationToken);
    }
}

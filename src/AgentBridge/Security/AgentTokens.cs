using System.Security.Cryptography;
using System.Text;
using Cockpit.Http;
using Cockpit.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cockpit.AgentBridge.Security;

/// <summary>
/// Agent credentials when AGENT_REGISTRATION_TOKEN is set: registration needs that token as a bearer token, and each
/// agent gets its own token, HMAC-SHA256(registration token, agent id), which its heartbeats, deregistration and
/// telemetry must carry. Derived, not stored: every silo checks any agent's token with no lookup, and changing the
/// registration token revokes them all (docs/adr/0007-agent-tokens.md). When the setting is unset every check passes.
/// </summary>
public sealed class AgentTokens
{
    private const string Purpose = "cockpit-agent-token-v1:";

    private readonly byte[]? _key;
    private readonly string? _registrationToken;

    public AgentTokens(IOptions<AgentBridgeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var secret = options.Value.RegistrationToken?.Trim();
        _registrationToken = string.IsNullOrEmpty(secret) ? null : secret;
        _key = _registrationToken is null ? null : Encoding.UTF8.GetBytes(_registrationToken);
    }

    /// <summary>Whether agents must present tokens (AGENT_REGISTRATION_TOKEN is set).</summary>
    public bool Required => _key is not null;

    /// <summary>The token of <paramref name="agentId"/>, or null when tokens are not required.</summary>
    public string? IssueFor(Guid agentId) => _key is null ? null : Derive(_key, agentId);

    /// <summary>Null when the request may register; otherwise the 401 to answer.</summary>
    public ProblemHttpResult? CheckRegistration(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_key is null) return null;
        return Secrets.Matches(Secrets.FromBearer(request.Headers.Authorization), _registrationToken)
            ? null
            : Refuse(request, "registration needs 'Authorization: Bearer <AGENT_REGISTRATION_TOKEN>'");
    }

    /// <summary>Null when the request carries <paramref name="agentId"/>'s token; otherwise the 401 to answer.</summary>
    public ProblemHttpResult? CheckAgent(HttpRequest request, Guid agentId)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_key is null) return null;
        return Secrets.Matches(Secrets.FromBearer(request.Headers.Authorization), Derive(_key, agentId))
            ? null
            : Refuse(request, $"this needs 'Authorization: Bearer <agent_token>' with the agent_token that registering agent {agentId} returned");
    }

    private static string Derive(byte[] key, Guid agentId) =>
        Secrets.Encode(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Purpose + agentId.ToString("D"))));

    private static ProblemHttpResult Refuse(HttpRequest request, string detail)
    {
        request.HttpContext.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return Problems.Unauthorized(detail);
    }
}

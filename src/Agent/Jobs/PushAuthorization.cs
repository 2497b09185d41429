using Cockpit.Agent.Orchestrator;
using Cockpit.Protocol;

namespace Cockpit.Agent.Jobs;

/// <summary>
/// Guards <c>/job/start</c>, <c>/job/cancel</c> and <c>/job/resume</c>: when the agent holds an agent token (it was
/// given AGENT_REGISTRATION_TOKEN and registering returned one), a push must carry that token as
/// <c>Authorization: Bearer</c>, else 401 and a log line saying why. The orchestrator signs every push with it, so
/// only it can start, stop or resume work here, wherever the pod's port is reachable from. Without
/// AGENT_REGISTRATION_TOKEN pushes are accepted as in the seed.
/// </summary>
public sealed class PushAuthorization(OrchestratorCredentials credentials, ILogger<PushAuthorization> logger) : IEndpointFilter
{
    /// <summary>Null when a push with this <c>Authorization</c> header may run; otherwise why not.</summary>
    public string? Refusal(string? authorization)
    {
        if (credentials.RegistrationToken is null) return null;
        // Until registration answers there is nothing to compare with, and no push can legitimately come from an
        // orchestrator that has not registered this agent (a restarted pod is pushed to again after it re-registers).
        if (!credentials.Registered) return "the agent has not registered yet, so it holds no agent token to check the push against";
        // The orchestrator issued none (it has no AGENT_REGISTRATION_TOKEN): its pushes cannot be signed; the link said so in the log.
        if (credentials.AgentToken is not { } expected) return null;
        var presented = Secrets.FromBearer(authorization);
        if (presented is null) return "the push carries no 'Authorization: Bearer <agent token>'";
        return Secrets.Matches(presented, expected) ? null : "the push's bearer token is not this agent's token";
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (Refusal(http.Request.Headers.Authorization) is not { } reason) return await next(context);

        // Never the presented token itself: a near-miss of the real one must not end up in a log.
        logger.LogWarning("Refused {Method} {Path} from {Remote} with 401: {Reason}",
            http.Request.Method, http.Request.Path.Value, http.Connection.RemoteIpAddress, reason);
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Push refused", detail: reason);
    }
}

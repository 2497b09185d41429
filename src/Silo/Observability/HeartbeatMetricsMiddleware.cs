using Microsoft.AspNetCore.Routing.Patterns;

namespace Cockpit.Silo.Observability;

/// <summary>
/// Counts answered agent heartbeats into <c>cockpit_agent_heartbeats_total{outcome}</c>. It recognises the heartbeat
/// by its route, the seed's fixed path, so AgentBridge's endpoint stays free of metrics code.
/// </summary>
public sealed class HeartbeatMetricsMiddleware(RequestDelegate next, CockpitMetrics metrics)
{
    /// <summary>The seed's heartbeat route (a compatibility contract, so it does not move).</summary>
    public const string HeartbeatRoute = "/api/agents/{id}/heartbeat";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsHeartbeat(context))
        {
            await next(context);
            return;
        }

        var outcome = "error";
        try
        {
            await next(context);
            outcome = OutcomeOf(context.Response.StatusCode);
        }
        finally
        {
            metrics.RecordHeartbeat(outcome);
        }
    }

    /// <summary>ok (2xx), unknown_agent (404: the pod must register again), rejected (other 4xx), error (5xx, or it threw).</summary>
    public static string OutcomeOf(int statusCode) => statusCode switch
    {
        >= 200 and < 300 => "ok",
        StatusCodes.Status404NotFound => "unknown_agent",
        >= 400 and < 500 => "rejected",
        _ => "error",
    };

    private static bool IsHeartbeat(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint endpoint
        && HttpMethods.IsPost(context.Request.Method)
        && string.Equals(RoutePatternText(endpoint.RoutePattern), HeartbeatRoute, StringComparison.OrdinalIgnoreCase);

    private static string? RoutePatternText(RoutePattern pattern) => pattern.RawText is { } raw ? "/" + raw.TrimStart('/') : null;
}

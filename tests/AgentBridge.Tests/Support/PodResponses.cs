using Microsoft.AspNetCore.Http;

namespace Cockpit.AgentBridge.Tests.Support;

/// <summary>The answers fake pods give.</summary>
public static class PodResponses
{
    public static async Task Json(HttpContext context, int statusCode, string? json)
    {
        context.Response.StatusCode = statusCode;
        if (json is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json, context.RequestAborted);
        }
    }

    /// <summary>
    /// Answers GET /health at once and holds everything else. Tests call /health first: it warms both ends up
    /// (JIT, first connection) and leaves a pooled connection, so the slow request that follows is on the wire at
    /// once and the client's timeout measures the pod's silence, not a cold start on a busy machine.
    /// </summary>
    public static Task HangExceptHealth(HttpContext context, FakePod pod) =>
        context.Request.Path == "/health" ? Json(context, 200, """{"status":"ready"}""") : Hang(context, pod);

    /// <summary>Never answers: holds the request until the client gives up (or the pod stops).</summary>
    public static async Task Hang(HttpContext context, FakePod pod)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, pod.Stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException)
        {
            // The client hung up or the test ended: both are what this pod waits for.
        }
    }
}

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

using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Cockpit.Bench.BaselineServers;

/// <summary>Reading bodies and writing answers the way both baselines do it.</summary>
public static class BaselineJson
{
    public static readonly JsonSerializerOptions Wire = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static async Task<T?> ReadAsync<T>(HttpContext context) =>
        await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Wire, context.RequestAborted);

    public static Task WriteAsync(HttpContext context, object body, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(body, Wire), context.RequestAborted).AsTask();
    }

    public static Task WriteAssignedAsync(HttpContext context, Guid jobId) =>
        WriteAsync(context, new { data = new { assignJob = new { id = jobId, status = "PROCESSING" } } });

    public static Task WriteGraphQLErrorAsync(HttpContext context, string message) =>
        WriteAsync(context, new { errors = new[] { new { message } } });
}

using Cockpit.Commands.Jobs;
using Cockpit.Http;
using Cockpit.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cockpit.Silo.Dispatch;

/// <summary>
/// The queue's REST endpoints (issue 13): queue figures, the pending jobs in dispatch order, and concurrency limits
/// (changing them is for admins: a limit holds back every tenant's jobs of that key). All go through
/// <see cref="IDispatchCommands"/>, as GraphQL and MCP do.
/// </summary>
public static class DispatchEndpoints
{
    /// <summary>Most pending jobs one request lists.</summary>
    public const int MaxPendingListed = 500;

    public static IEndpointRouteBuilder MapDispatchEndpoints(this IEndpointRouteBuilder app)
    {
        var queues = app.MapGroup("/api/queues").WithTags("Dispatch");
        queues.MapGet("/", ListQueuesAsync).WithName("ListQueues");
        queues.MapGet("/pending", ListPendingAsync).WithName("ListPendingJobs");

        var limits = app.MapGroup("/api/concurrency-limits").WithTags("Dispatch");
        limits.MapGet("/", ListLimitsAsync).WithName("ListConcurrencyLimits");
        limits.MapPut("/{key}", SetLimitAsync).WithName("SetConcurrencyLimit").RequireAuthorization(CockpitPolicies.Admin);
        limits.MapDelete("/{key}", RemoveLimitAsync).WithName("RemoveConcurrencyLimit").RequireAuthorization(CockpitPolicies.Admin);
        return app;
    }

    public static async Task<Ok<QueueResponse[]>> ListQueuesAsync([FromServices] IDispatchCommands dispatch) =>
        TypedResults.Ok((await dispatch.GetQueuesAsync()).Select(QueueResponse.From).ToArray());

    /// <param name="queue">A config name, or "any" for jobs without one; omitted: every queue.</param>
    /// <param name="limit">1..500, default 100.</param>
    public static async Task<Results<Ok<PendingJobResponse[]>, ProblemHttpResult>> ListPendingAsync(
        [FromServices] IDispatchCommands dispatch, string? queue = null, string? limit = null)
    {
        var size = 100;
        if (limit is not null && (!int.TryParse(limit, out size) || size < 1 || size > MaxPendingListed))
        {
            return Problems.Invalid("limit", $"must be a whole number from 1 to {MaxPendingListed}");
        }
        var pending = await dispatch.GetPendingAsync(string.IsNullOrEmpty(queue) ? null : queue, size);
        return TypedResults.Ok(pending.Select(PendingJobResponse.From).ToArray());
    }

    public static async Task<Ok<ConcurrencyLimitResponse[]>> ListLimitsAsync([FromServices] IDispatchCommands dispatch) =>
        TypedResults.Ok((await dispatch.GetLimitsAsync()).OrderBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => new ConcurrencyLimitResponse(l.Key, l.Value)).ToArray());

    /// <param name="key">The concurrency key, percent-encoded ("openai%2Fgpt-4o" for "openai/gpt-4o").</param>
    public static async Task<Results<Ok<ConcurrencyLimitResponse>, ProblemHttpResult>> SetLimitAsync(
        string key, HttpRequest request, [FromServices] IDispatchCommands dispatch)
    {
        key = RouteKeys.LastSegment(request, key);
        var body = await JsonBody.ReadAsync<ConcurrencyLimitRequest>(request);
        if (body.Problem is not null) return body.Problem;
        var errors = await dispatch.SetLimitAsync(key, body.Value!.Limit);
        return errors is null
            ? TypedResults.Ok(new ConcurrencyLimitResponse(key, body.Value.Limit!.Value))
            : Problems.Invalid(errors.ToDictionary(e => e.Key, e => e.Value));
    }

    /// <param name="key">The concurrency key, percent-encoded ("openai%2Fgpt-4o" for "openai/gpt-4o").</param>
    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveLimitAsync(
        string key, HttpRequest request, [FromServices] IDispatchCommands dispatch)
    {
        key = RouteKeys.LastSegment(request, key);
        return await dispatch.RemoveLimitAsync(key) ? TypedResults.NoContent() : Problems.NotFound($"concurrency key '{key}' has no limit");
    }
}

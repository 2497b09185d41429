using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Cockpit.Silo;

/// <summary>
/// A request that fails because the database or the cluster is unavailable gets 503 and a reason to retry,
/// not a 500: nothing was acknowledged, so the caller can safely try again.
/// </summary>
public sealed class UnavailableExceptionHandler(IProblemDetailsService problems, ILogger<UnavailableExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception)) return false;
        logger.LogWarning(exception, "Request failed because a dependency is unavailable");
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Temporarily unavailable.",
                Detail = "the database or the cluster is not available right now; nothing was changed, retry shortly",
            },
        });
    }

    private static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException or TimeoutException or Orleans.Runtime.SiloUnavailableException or OrleansMessageRejectionException)
            {
                return true;
            }
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsUnavailable)) return true;
        }
        return false;
    }
}

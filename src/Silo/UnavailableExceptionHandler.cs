using Cockpit.Storage.Availability;
using Microsoft.AspNetCore.Diagnostics;

namespace Cockpit.Silo;

/// <summary>
/// A request that fails because the database or the cluster is unavailable gets 503 and a reason to retry,
/// not a 500: nothing was acknowledged, so the caller can safely try again.
/// </summary>
public sealed class UnavailableExceptionHandler(IProblemDetailsService problems, ILogger<UnavailableExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!UnavailableDependency.IsCauseOf(exception)) return false;
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
}

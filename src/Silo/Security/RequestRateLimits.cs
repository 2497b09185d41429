using System.Globalization;
using System.Threading.RateLimiting;
using Cockpit.Protocol;
using Cockpit.Silo.Tokens;
using Microsoft.AspNetCore.RateLimiting;

namespace Cockpit.Silo.Security;

/// <summary>
/// Per-client-address fixed windows of one minute on the endpoints worth flooding: everything under /api/auth
/// (AUTH_RATE_LIMIT_PER_MINUTE) and agent registration (AGENT_REGISTRATION_RATE_LIMIT_PER_MINUTE); and per API token
/// on every request that carries one (API_TOKEN_RATE_LIMIT_PER_MINUTE). Refused requests get
/// 429 with Retry-After and change nothing. The address is the TCP peer's, or the client's as a proxy listed in
/// <see cref="TrustedProxies"/> forwarded it; behind an unlisted proxy all clients share the proxy's budget.
/// </summary>
public static class RequestRateLimits
{
    public static IServiceCollection AddCockpitRateLimits(this IServiceCollection services, RateLimitOptions limits)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem($"too many requests from this address or API token; try again in {Math.Ceiling(retryAfter.TotalSeconds)} s",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Rate limit reached.").ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions limits)
    {
        // A token's budget is its own wherever it is used from, so a script cannot outrun it by changing address.
        if (limits.ApiTokenPerMinute > 0 && ApiTokenClaims.TokenId(context.User) is { } tokenId)
        {
            return PerMinute("token:" + tokenId, limits.ApiTokenPerMinute);
        }

        var path = context.Request.Path;
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (limits.AuthPerMinute > 0 && path.StartsWithSegments(AuthEndpoints.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return PerMinute("auth:" + client, limits.AuthPerMinute);
        }

        if (limits.AgentRegistrationsPerMinute > 0 && HttpMethods.IsPost(context.Request.Method)
            && path.Equals(ProtocolPaths.Register, StringComparison.OrdinalIgnoreCase))
        {
            return PerMinute("register:" + client, limits.AgentRegistrationsPerMinute);
        }

        return RateLimitPartition.GetNoLimiter("unlimited");
    }

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}

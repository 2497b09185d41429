using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Cockpit.GraphQL.Transport.WebSockets;

/// <summary>
/// The default origin check, driven by GRAPHQL_ALLOWED_ORIGINS: no Origin header (not a browser), the same origin as
/// the request, <c>*</c>, or a listed origin passes; an empty list lets every origin pass (see
/// <see cref="GraphQLTransportOptions.AllowedOrigins"/>).
/// </summary>
public sealed class ConfiguredOriginPolicy(IOptions<GraphQLTransportOptions> options) : IGraphQLWebSocketOriginPolicy
{
    private readonly IReadOnlyList<string> _allowed = options.Value.ParseAllowedOrigins();

    public bool IsAllowed(HttpContext httpContext)
    {
        var origin = httpContext.Request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin) || _allowed.Count == 0)
        {
            return true;
        }

        origin = origin.TrimEnd('/').ToLowerInvariant();
        var request = httpContext.Request;
        var own = $"{request.Scheme}://{request.Host.Value}".ToLowerInvariant();
        return origin == own || _allowed.Contains("*") || _allowed.Contains(origin);
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Cockpit.GraphQL.Transport.WebSockets;

/// <summary>
/// The default origin check, driven by GRAPHQL_ALLOWED_ORIGINS: no Origin header (not a browser), the same site as the
/// request, <c>*</c>, or a listed origin passes; everything else is refused (see
/// <see cref="GraphQLTransportOptions.AllowedOrigins"/>). "The same site" compares the Origin's host and port with the
/// request's Host header and ignores the scheme, so a proxy that ends TLS in front of the silo (https outside, http
/// inside) does not turn the cockpit's own page away; a page on another host never has the silo's Host.
/// </summary>
public sealed class ConfiguredOriginPolicy(IOptions<GraphQLTransportOptions> options) : IGraphQLWebSocketOriginPolicy
{
    private readonly IReadOnlyList<string> _allowed = options.Value.ParseAllowedOrigins();

    public bool IsAllowed(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var origin = httpContext.Request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin)) return true;

        origin = origin.TrimEnd('/').ToLowerInvariant();
        if (_allowed.Contains("*") || _allowed.Contains(origin)) return true;
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && string.Equals(Authority(uri), httpContext.Request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>host[:port] as a Host header writes it: the port only when it is not the scheme's default.</summary>
    private static string Authority(Uri uri) => uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}";
}

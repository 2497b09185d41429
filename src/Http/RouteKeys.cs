using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cockpit.Http;

/// <summary>
/// Text keys in paths (a concurrency key such as "openai/gpt-4o") read from the request as sent. Routing decodes a
/// segment except its "%2F", which it keeps as written so it cannot split the path: "a%2Fb" then reaches the endpoint
/// as the literal "a%2Fb", the same as "a%252Fb", and no key holding a '/' could be named.
/// </summary>
public static class RouteKeys
{
    /// <summary>The last segment of the path as sent, decoded once; <paramref name="routed"/> when that is unknown.</summary>
    public static string LastSegment(HttpRequest request, string routed)
    {
        ArgumentNullException.ThrowIfNull(request);
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw[0] != '/') return routed;
        var path = raw.Split('?', 2)[0];
        if (path.Length > 1 && path[^1] == '/') path = path[..^1];
        return Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
    }
}

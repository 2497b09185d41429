using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Cockpit.GraphQL.Transport.Http;

/// <summary>
/// Content negotiation of the GraphQL-over-HTTP spec. <c>application/graphql-response+json</c> is chosen when the client
/// names it (and does not rank <c>application/json</c> higher); a client that names neither, or sends no Accept
/// header at all, gets <c>application/json</c>, which keeps old clients on status 200 for every well-formed request.
/// </summary>
public static class GraphQLMediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    public const string Json = "application/json";

    /// <summary>The response media type for an Accept header, or null when nothing the server can write is acceptable.</summary>
    public static string? Negotiate(StringValues acceptHeader)
    {
        if (StringValues.IsNullOrEmpty(acceptHeader) || !MediaTypeHeaderValue.TryParseList(acceptHeader, out var accepted) || accepted.Count == 0)
        {
            return Json;
        }

        var graphQLResponseQuality = Quality(accepted, GraphQLResponseJson, matchWildcards: false);
        var jsonQuality = Quality(accepted, Json, matchWildcards: true);
        if (graphQLResponseQuality > 0 && graphQLResponseQuality >= jsonQuality)
        {
            return GraphQLResponseJson;
        }

        return jsonQuality > 0 ? Json : null;
    }

    /// <summary>Whether the client names <c>text/html</c> (a browser navigating to the endpoint).</summary>
    public static bool AcceptsHtml(StringValues acceptHeader) =>
        MediaTypeHeaderValue.TryParseList(acceptHeader, out var accepted) && Quality(accepted, "text/html", matchWildcards: false) > 0;

    /// <summary>Whether a request's Content-Type is <c>application/json</c> (any parameters, such as charset).</summary>
    public static bool IsJsonContent(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase);

    /// <summary>Highest quality the client gives <paramref name="mediaType"/>; 0 when it is not acceptable.</summary>
    private static double Quality(IList<MediaTypeHeaderValue> accepted, string mediaType, bool matchWildcards)
    {
        var target = new MediaTypeHeaderValue(mediaType);
        double best = 0;
        foreach (var candidate in accepted)
        {
            var exact = candidate.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase);
            if (exact || (matchWildcards && candidate.MatchesAllSubTypes && target.IsSubsetOf(candidate)))
            {
                best = Math.Max(best, candidate.Quality ?? 1);
            }
        }

        return best;
    }
}

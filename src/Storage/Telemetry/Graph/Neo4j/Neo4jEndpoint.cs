namespace Cockpit.Storage.Telemetry.Graph.Neo4j;

/// <summary>Where Neo4j's HTTP API is, from the seed's NEO4J_URI (a Bolt URI) or an explicit NEO4J_HTTP_URL.</summary>
public static class Neo4jEndpoint
{
    public const int HttpPort = 7474;
    public const int HttpsPort = 7473;

    /// <summary>
    /// NEO4J_HTTP_URL when given; otherwise NEO4J_URI with bolt:// and neo4j:// mapped to http on 7474 and the
    /// encrypted schemes (+s, +ssc) to https on 7473. http(s) URIs are used as they are.
    /// </summary>
    /// <exception cref="FormatException">Neither value is a usable URI; the message names the setting.</exception>
    public static Uri Resolve(string? neo4jUri, string? httpUrl)
    {
        if (!string.IsNullOrWhiteSpace(httpUrl))
        {
            return Uri.TryCreate(httpUrl.Trim(), UriKind.Absolute, out var explicitUri) && explicitUri.Scheme is "http" or "https"
                ? explicitUri
                : throw new FormatException($"NEO4J_HTTP_URL='{httpUrl}' is not an absolute http(s) URL.");
        }
        if (string.IsNullOrWhiteSpace(neo4jUri) || !Uri.TryCreate(neo4jUri.Trim(), UriKind.Absolute, out var uri))
            throw new FormatException($"NEO4J_URI='{neo4jUri}' is not an absolute URI such as bolt://localhost:7687.");
        return uri.Scheme switch
        {
            "http" or "https" => uri,
            "bolt" or "neo4j" => new UriBuilder("http", uri.Host, HttpPort).Uri,
            "bolt+s" or "bolt+ssc" or "neo4j+s" or "neo4j+ssc" => new UriBuilder("https", uri.Host, HttpsPort).Uri,
            _ => throw new FormatException($"NEO4J_URI='{neo4jUri}' has scheme '{uri.Scheme}'; expected bolt, neo4j, http or https (or set NEO4J_HTTP_URL)."),
        };
    }
}

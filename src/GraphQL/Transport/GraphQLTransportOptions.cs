using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Cockpit.GraphQL.Transport;

/// <summary>
/// Settings of the GraphQL transport (HTTP, graphql-transport-ws and GraphiQL), bound from the flat <c>.env</c>-style
/// keys named on each property. Checked at start (see <see cref="Validate"/>): a bad value stops the silo with a message
/// naming the key. For the limits, 0 means "no limit".
/// </summary>
public sealed class GraphQLTransportOptions : IValidatableObject
{
    /// <summary>
    /// GRAPHQL_MAX_DEPTH: deepest field nesting a document may have, leaf fields counted, fragments followed. Default: 15;
    /// the cockpit's screens need far less, and a recursive query cannot nest without end. A pure introspection query
    /// (GraphiQL's is 15 deep) is exempt and bounded by MaxIntrospectionDepthValidationRule instead. 0 turns the check off.
    /// </summary>
    [ConfigurationKeyName("GRAPHQL_MAX_DEPTH")]
    public int MaxDepth { get; set; } = 15;

    /// <summary>
    /// GRAPHQL_MAX_COMPLEXITY: ceiling of GraphQL.NET's static complexity score of a document: each field counts 1 and a
    /// list field multiplies what it selects by 20 (unless the schema declares other impacts, or the list has a
    /// <c>first</c>/<c>last</c> argument); introspection lists multiply by 2 only (see IntrospectionAwareComplexity).
    /// Default: 20000. Three lists nested in each other score 8422 and pass, four score 168422 and do not. A pure
    /// introspection query is not scored (IntrospectionExemptRule); beside a data field it counts. 0 turns the check off.
    /// </summary>
    [ConfigurationKeyName("GRAPHQL_MAX_COMPLEXITY")]
    public int MaxComplexity { get; set; } = 20_000;

    /// <summary>
    /// GRAPHQL_MAX_ALIASES: most field aliases one document may use, counted as written. Default: 30. Aliases are how a
    /// single request asks for the same expensive field hundreds of times ("alias overloading"); no screen needs more
    /// than a handful. 0 turns the check off.
    /// </summary>
    [ConfigurationKeyName("GRAPHQL_MAX_ALIASES")]
    public int MaxAliases { get; set; } = 30;

    /// <summary>
    /// GRAPHQL_MAX_REQUEST_BYTES: largest HTTP request body and largest WebSocket message the transport reads.
    /// Default: 262144 (256 KiB), far above any real document (GraphiQL's introspection query is about 2 KiB) while one
    /// client cannot make the silo buffer megabytes. Bigger HTTP bodies get 413; bigger WebSocket messages close the
    /// socket with 1009.
    /// </summary>
    [ConfigurationKeyName("GRAPHQL_MAX_REQUEST_BYTES")]
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// GRAPHQL_WS_INIT_TIMEOUT_SECONDS: how long a new graphql-transport-ws socket may stay without an acknowledged
    /// <c>connection_init</c> before it is closed with 4408. Default: 10 s (graphql-ws's own server uses 3 s; ours leaves
    /// time for a slow connection-init hook such as token validation). Fractions are accepted.
    /// </summary>
    [ConfigurationKeyName("GRAPHQL_WS_INIT_TIMEOUT_SECONDS")]
    public double ConnectionInitTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// GRAPHQL_WS_PING_INTERVAL_SECONDS: how often the server sends a protocol <c>ping</c> on an acknowledged socket,
    /// which keeps idle subscriptions alive through proxies that cut silent connections (often at 60 s). Default: 20 s.
    /// A missing <c>pong</c> does not close the socket: dead peers are found by the WebSocket layer's own keep-alive.
    /// 0 turns server pings off (the server still answers the client's pings).
    /// </summary>
    [ConfigurationKeyName("GRAPHQL_WS_PING_INTERVAL_SECONDS")]
    public double PingIntervalSeconds { get; set; } = 20;

    /// <summary>
    /// GRAPHQL_WS_SEND_QUEUE_LIMIT: messages that may wait to be written to one socket. Default: 512. A client that reads
    /// slower than its subscriptions produce fills the queue and is closed with 1008 instead of growing the silo's
    /// memory without bound.
    /// </summary>
    [ConfigurationKeyName("GRAPHQL_WS_SEND_QUEUE_LIMIT")]
    public int SendQueueLimit { get; set; } = 512;

    /// <summary>
    /// GRAPHQL_WS_MAX_OPERATIONS: operations (subscriptions, queries, mutations) one socket may have running at once.
    /// Default: 100, far above what a cockpit page opens. One more is answered with an <c>error</c> message carrying code
    /// TOO_MANY_OPERATIONS; the socket stays open.
    /// </summary>
    [ConfigurationKeyName("GRAPHQL_WS_MAX_OPERATIONS")]
    public int MaxOperationsPerSocket { get; set; } = 100;

    /// <summary>
    /// GRAPHQL_ALLOWED_ORIGINS: origins (comma or space separated, e.g. <c>https://cockpit.example.com</c>) other than the
    /// silo's own whose pages may open a WebSocket to the GraphQL endpoint or send state-changing requests; others get
    /// 403. Pages served by the silo itself (same host and port) and clients that send no Origin header (scripts, agents)
    /// are always allowed; <c>*</c> allows every origin. Default: empty, the silo's own pages only.
    /// </summary>
    [ConfigurationKeyName("GRAPHQL_ALLOWED_ORIGINS")]
    public string? AllowedOrigins { get; set; }

    /// <summary>
    /// GRAPHIQL_ENABLED: whether a browser's GET of the GraphQL path shows GraphiQL (and /graphiql/* serves its assets).
    /// Default: true.
    /// </summary>
    [ConfigurationKeyName("GRAPHIQL_ENABLED")]
    public bool GraphiQLEnabled { get; set; } = true;

    /// <summary>
    /// GRAPHIQL_DIST_PATH: folder holding the built GraphiQL bundle (index.html and assets/). Default: empty, meaning
    /// <c>graphiql/</c> beside the application's assemblies, where the build copies src/GraphQL/GraphiQL/dist when
    /// scripts/build-graphiql.sh ran before <c>dotnet build</c>.
    /// </summary>
    [ConfigurationKeyName("GRAPHIQL_DIST_PATH")]
    public string? GraphiQLDistPath { get; set; }

    /// <summary>How long a closing socket may take to finish the close handshake before it is aborted. Fixed: 3 s.</summary>
    public static TimeSpan CloseHandshakeTimeout { get; } = TimeSpan.FromSeconds(3);

    public TimeSpan ConnectionInitTimeout => TimeSpan.FromSeconds(ConnectionInitTimeoutSeconds);

    public TimeSpan PingInterval => TimeSpan.FromSeconds(PingIntervalSeconds);

    /// <summary>The folder GraphiQL is served from: <see cref="GraphiQLDistPath"/>, or <c>graphiql/</c> beside the app.</summary>
    public string ResolveGraphiQLDistPath() =>
        string.IsNullOrWhiteSpace(GraphiQLDistPath)
            ? Path.Combine(AppContext.BaseDirectory, "graphiql")
            : Path.GetFullPath(GraphiQLDistPath.Trim());

    /// <summary>The <see cref="AllowedOrigins"/> list, normalised (lower case, no trailing slash); empty when unset.</summary>
    public IReadOnlyList<string> ParseAllowedOrigins() =>
        string.IsNullOrWhiteSpace(AllowedOrigins)
            ? []
            : AllowedOrigins
                .Split([',', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
                .Select(origin => origin.TrimEnd('/').ToLowerInvariant())
                .Distinct()
                .ToArray();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxDepth is < 0 or > 1000)
        {
            yield return Invalid("GRAPHQL_MAX_DEPTH", "from 0 (off) to 1000", MaxDepth, nameof(MaxDepth));
        }

        if (MaxComplexity < 0)
        {
            yield return Invalid("GRAPHQL_MAX_COMPLEXITY", "0 (off) or more", MaxComplexity, nameof(MaxComplexity));
        }

        if (MaxAliases is < 0 or > 100_000)
        {
            yield return Invalid("GRAPHQL_MAX_ALIASES", "from 0 (off) to 100000", MaxAliases, nameof(MaxAliases));
        }

        if (MaxRequestBytes is < 1024 or > 64 * 1024 * 1024)
        {
            yield return Invalid("GRAPHQL_MAX_REQUEST_BYTES", "from 1024 to 67108864", MaxRequestBytes, nameof(MaxRequestBytes));
        }

        if (!(ConnectionInitTimeoutSeconds is >= 0.1 and <= 600))
        {
            yield return Invalid("GRAPHQL_WS_INIT_TIMEOUT_SECONDS", "from 0.1 to 600", ConnectionInitTimeoutSeconds, nameof(ConnectionInitTimeoutSeconds));
        }

        if (!(PingIntervalSeconds == 0 || PingIntervalSeconds is >= 0.1 and <= 3600))
        {
            yield return Invalid("GRAPHQL_WS_PING_INTERVAL_SECONDS", "0 (off) or from 0.1 to 3600", PingIntervalSeconds, nameof(PingIntervalSeconds));
        }

        if (SendQueueLimit is < 1 or > 1_000_000)
        {
            yield return Invalid("GRAPHQL_WS_SEND_QUEUE_LIMIT", "from 1 to 1000000", SendQueueLimit, nameof(SendQueueLimit));
        }

        if (MaxOperationsPerSocket is < 1 or > 100_000)
        {
            yield return Invalid("GRAPHQL_WS_MAX_OPERATIONS", "from 1 to 100000", MaxOperationsPerSocket, nameof(MaxOperationsPerSocket));
        }

        foreach (var origin in ParseAllowedOrigins())
        {
            if (origin != "*" && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/"))
            {
                yield return new ValidationResult(
                    $"GRAPHQL_ALLOWED_ORIGINS has '{origin}', which is not an origin like https://host[:port] (nor *).",
                    [nameof(AllowedOrigins)]);
            }
        }
    }

    private static ValidationResult Invalid(string key, string range, object value, string member) =>
        new($"{key} must be {range} (got {value}).", [member]);
}

namespace Cockpit.GraphQL.Transport.Http;

/// <summary>
/// <c>extensions.code</c> of the errors the HTTP transport itself answers with, before GraphQL.NET sees the request.
/// GraphQL.NET's own errors carry its codes (SYNTAX_ERROR, FIELDS_ON_CORRECT_TYPE, COMPLEXITY, ...).
/// </summary>
public static class TransportErrorCodes
{
    /// <summary>400: the body, or the GET <c>variables</c>/<c>extensions</c> parameter, is not the JSON a GraphQL request is.</summary>
    public const string InvalidRequest = "INVALID_REQUEST";

    /// <summary>400: no <c>query</c> (persisted documents are not supported).</summary>
    public const string QueryMissing = "QUERY_MISSING";

    /// <summary>413: the body exceeds GRAPHQL_MAX_REQUEST_BYTES.</summary>
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";

    /// <summary>415: a POST whose Content-Type is not application/json.</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>406: the Accept header allows neither application/graphql-response+json nor application/json.</summary>
    public const string NotAcceptable = "NOT_ACCEPTABLE";

    /// <summary>405: a method other than GET and POST.</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
}

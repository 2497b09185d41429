namespace Cockpit.GraphQL.Transport.WebSockets;

/// <summary><c>extensions.code</c> of the errors the WebSocket transport itself puts in <c>error</c> messages.</summary>
public static class WebSocketErrorCodes
{
    /// <summary>The socket already runs GRAPHQL_WS_MAX_OPERATIONS operations; this one was not started.</summary>
    public const string TooManyOperations = "TOO_MANY_OPERATIONS";

    /// <summary>The operation failed in the server (details are logged, not sent).</summary>
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
}

using System.Net.WebSockets;
using Cockpit.GraphQL.Transport.Execution;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static Cockpit.GraphQL.Transport.WebSockets.GraphQLWsProtocol;

namespace Cockpit.GraphQL.Transport.WebSockets;

/// <summary>
/// Takes a WebSocket upgrade at the GraphQL path: refuses it during shutdown (503) and from origins the
/// <see cref="IGraphQLWebSocketOriginPolicy"/> rejects (403); accepts and closes with 4406 when the client did not
/// offer <c>graphql-transport-ws</c> (as graphql-ws's own server does, so clients learn why); otherwise runs a
/// <see cref="GraphQLWsConnection"/> until the socket closes.
/// </summary>
public sealed class GraphQLWebSocketHandler(
    IOptions<GraphQLTransportOptions> options,
    GraphQLRequestExecutor executor,
    IGraphQLSerializer serializer,
    IGraphQLTextSerializer textSerializer,
    IServiceScopeFactory scopes,
    IGraphQLWsConnectionInitHandler initHandler,
    IGraphQLWebSocketOriginPolicy originPolicy,
    GraphQLWsConnectionRegistry registry,
    ILogger<GraphQLWebSocketHandler> logger)
{
    private readonly GraphQLWsMessageWriter _writer = new(textSerializer);

    public async Task HandleAsync(HttpContext context)
    {
        if (registry.IsStopping)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        if (!originPolicy.IsAllowed(context))
        {
            logger.LogInformation("GraphQL WebSocket upgrade from origin {Origin} refused", context.Request.Headers.Origin.ToString());
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("This origin may not open a GraphQL WebSocket (GRAPHQL_ALLOWED_ORIGINS).", context.RequestAborted);
            return;
        }

        var offered = context.WebSockets.WebSocketRequestedProtocols;
        if (!offered.Contains(SubProtocol, StringComparer.Ordinal))
        {
            // Accepting with the client's own first offer (browsers and ws fail a handshake that selects none of the
            // offered protocols) lets the client read the 4406 close, e.g. one still speaking the legacy graphql-ws.
            using var refused = await context.WebSockets.AcceptWebSocketAsync(offered.Count > 0 ? offered[0] : null);
            using var deadline = new CancellationTokenSource(GraphQLTransportOptions.CloseHandshakeTimeout);
            try
            {
                await refused.CloseAsync((WebSocketCloseStatus)CloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable", deadline.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                refused.Abort();
            }

            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = SubProtocol });
        using var connection = new GraphQLWsConnection(
            socket, context, options.Value, executor, serializer, _writer, scopes, initHandler, logger);
        registry.Add(connection);
        try
        {
            await connection.RunAsync();
        }
        finally
        {
            registry.Remove(connection);
        }
    }
}

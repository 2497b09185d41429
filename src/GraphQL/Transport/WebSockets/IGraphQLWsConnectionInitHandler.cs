using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Cockpit.GraphQL.Transport.WebSockets;

/// <summary>
/// Decides whether a socket's <c>connection_init</c> is accepted, e.g. by validating a token in its payload. Register
/// an implementation in DI to replace the default, which accepts every connection as the upgrade request's user.
/// Called once per socket, off the receive loop (pings are still answered while it runs); the socket is closed with
/// 4408 if it has not answered within GRAPHQL_WS_INIT_TIMEOUT_SECONDS.
/// </summary>
public interface IGraphQLWsConnectionInitHandler
{
    /// <param name="httpContext">The upgrade request (headers, connection info, the user authentication found).</param>
    /// <param name="payload">The <c>connection_init</c> payload object, or null when the client sent none.</param>
    /// <param name="cancellationToken">Cancelled when the socket goes away.</param>
    ValueTask<GraphQLWsConnectionInitResult> OnConnectionInitAsync(HttpContext httpContext, JsonElement? payload, CancellationToken cancellationToken);
}

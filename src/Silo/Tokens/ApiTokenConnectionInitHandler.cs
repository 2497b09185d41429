using System.Text.Json;
using Cockpit.GraphQL.Transport.WebSockets;
using Cockpit.Protocol;

namespace Cockpit.Silo.Tokens;

/// <summary>
/// GraphQL over WebSocket with an API token: browsers cannot set headers on a WebSocket, so clients send
/// <c>{"Authorization": "Bearer &lt;token&gt;"}</c> as the <c>connection_init</c> payload (the key in any case). A valid
/// token makes every operation of the socket act with its role; a wrong one closes the socket with 4403. Without the
/// key the socket acts as its upgrade request (a session cookie, a bearer header, or a guest).
/// </summary>
public sealed class ApiTokenConnectionInitHandler(ApiTokenAuthenticator authenticator) : IGraphQLWsConnectionInitHandler
{
    public async ValueTask<GraphQLWsConnectionInitResult> OnConnectionInitAsync(HttpContext httpContext, JsonElement? payload, CancellationToken cancellationToken)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } init) return GraphQLWsConnectionInitResult.Accept();
        var authorization = init.EnumerateObject().FirstOrDefault(p => p.Name.Equals("authorization", StringComparison.OrdinalIgnoreCase));
        if (authorization.Value.ValueKind == JsonValueKind.Undefined) return GraphQLWsConnectionInitResult.Accept();

        var bearer = authorization.Value.ValueKind == JsonValueKind.String ? Secrets.FromBearer(authorization.Value.GetString()) : null;
        var found = await authenticator.AuthenticateAsync(bearer, cancellationToken);
        return found.User is null ? GraphQLWsConnectionInitResult.Reject() : GraphQLWsConnectionInitResult.Accept(found.User);
    }
}

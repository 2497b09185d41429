using Microsoft.AspNetCore.Http;

namespace Cockpit.GraphQL.Transport.WebSockets;

/// <summary>
/// Decides whether a WebSocket upgrade may proceed, from its Origin header. Browsers do not apply CORS to WebSockets,
/// so without this any page a user visits could open a socket with the user's cookies. Refused upgrades get 403.
/// Register an implementation in DI to replace <see cref="ConfiguredOriginPolicy"/>.
/// </summary>
public interface IGraphQLWebSocketOriginPolicy
{
    bool IsAllowed(HttpContext httpContext);
}

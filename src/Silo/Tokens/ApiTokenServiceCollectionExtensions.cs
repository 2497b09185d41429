using Cockpit.GraphQL.Transport.WebSockets;
using Cockpit.Storage.Security;

namespace Cockpit.Silo.Tokens;

public static class ApiTokenServiceCollectionExtensions
{
    /// <summary>
    /// The token store and authenticator, and the GraphQL WebSocket's <c>connection_init</c> hook that accepts a token.
    /// Call before the GraphQL transport is added: it only fills the hook when nothing else has.
    /// </summary>
    public static IServiceCollection AddApiTokens(this IServiceCollection services)
    {
        services.AddSingleton<ApiTokenStore>();
        services.AddSingleton<ApiTokenAuthenticator>();
        services.AddSingleton<IGraphQLWsConnectionInitHandler, ApiTokenConnectionInitHandler>();
        return services;
    }
}

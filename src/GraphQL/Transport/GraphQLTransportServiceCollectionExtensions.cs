using Cockpit.GraphQL.Transport.Execution;
using Cockpit.GraphQL.Transport.GraphiQL;
using Cockpit.GraphQL.Transport.Http;
using Cockpit.GraphQL.Transport.WebSockets;
using Cockpit.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cockpit.GraphQL.Transport;

public static class GraphQLTransportServiceCollectionExtensions
{
    /// <summary>
    /// Registers the GraphQL transport: <see cref="GraphQLTransportOptions"/> (bound from the root of
    /// <paramref name="configuration"/>, where the GRAPHQL_* and GRAPHIQL_* keys live, and validated at start), the HTTP
    /// and WebSocket handlers, GraphiQL, and the two hooks with their defaults (<see cref="IGraphQLWsConnectionInitHandler"/>
    /// accepting everyone, <see cref="IGraphQLWebSocketOriginPolicy"/> from GRAPHQL_ALLOWED_ORIGINS); register your own
    /// hook before or after this call to replace a default.
    /// <para>
    /// The schema is not registered here. The schema side registers it with GraphQL.NET's builder, and must include a
    /// serializer, e.g. <c>services.AddGraphQL(b => b.AddSchema&lt;CockpitSchema&gt;().AddGraphTypes(typeof(CockpitSchema).Assembly).AddSystemTextJson())</c>.
    /// The transport then runs every request through that registration's <c>IDocumentExecuter&lt;ISchema&gt;</c> (so
    /// its execution options, validation rules and exception handlers apply) and writes with its
    /// <c>IGraphQLSerializer</c> / <c>IGraphQLTextSerializer</c>.
    /// </para>
    /// </summary>
    public static IServiceCollection AddCockpitGraphQLTransport(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddSettings<GraphQLTransportOptions>(configuration);

        services.TryAddSingleton<IGraphQLWsConnectionInitHandler, AcceptAllConnectionInitHandler>();
        services.TryAddSingleton<IGraphQLWebSocketOriginPolicy, ConfiguredOriginPolicy>();
        services.TryAddSingleton<GraphQLRequestExecutor>();
        services.TryAddSingleton<GraphQLHttpHandler>();
        services.TryAddSingleton<GraphQLWsConnectionRegistry>();
        services.TryAddSingleton<GraphQLWebSocketHandler>();
        services.TryAddSingleton<GraphiQLAssets>();
        services.TryAddSingleton<GraphQLEndpointHandler>();
        return services;
    }
}

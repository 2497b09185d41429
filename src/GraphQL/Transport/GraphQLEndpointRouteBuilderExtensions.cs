using Cockpit.GraphQL.Transport.GraphiQL;
using Cockpit.GraphQL.Transport.WebSockets;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cockpit.GraphQL.Transport;

public static class GraphQLEndpointRouteBuilderExtensions
{
    private const string WebSocketsAddedKey = "Cockpit.GraphQL.Transport.WebSocketsAdded";

    private const string GraphiQLMappedKey = "Cockpit.GraphQL.Transport.GraphiQLMapped";

    /// <summary>
    /// Maps the GraphQL endpoint at <paramref name="path"/>: GraphQL over HTTP (GET, POST), the graphql-transport-ws
    /// WebSocket, and GraphiQL for browsers (its files under /graphiql/). Adds the WebSocket middleware when
    /// <paramref name="endpoints"/> is the application itself (a <c>WebApplication</c>); on a route group, call
    /// <c>app.UseWebSockets()</c> yourself. Needs <see cref="GraphQLTransportServiceCollectionExtensions.AddCockpitGraphQLTransport"/>
    /// and a schema registered through <c>services.AddGraphQL(...)</c> with a serializer; fails at startup, naming what
    /// is missing, otherwise. Returns the builder of the GraphQL endpoint, for conventions such as authorization.
    /// </summary>
    public static IEndpointConventionBuilder MapCockpitGraphQL(this IEndpointRouteBuilder endpoints, string path = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (string.IsNullOrEmpty(path) || path[0] != '/')
        {
            throw new ArgumentException("The GraphQL path must start with '/'.", nameof(path));
        }

        var services = endpoints.ServiceProvider;
        RequireRegistrations(services);

        if (endpoints is IApplicationBuilder app && !app.Properties.ContainsKey(WebSocketsAddedKey))
        {
            app.Properties[WebSocketsAddedKey] = true;
            app.UseWebSockets();
        }

        // Resolved now so that its ApplicationStopping hook is in place before the first socket opens.
        services.GetRequiredService<GraphQLWsConnectionRegistry>();

        var handler = services.GetRequiredService<GraphQLEndpointHandler>();
        // No endpoint-wide authorization: the schema checks each field against the caller's role (a guest must reach
        // the endpoint to be told which fields it may not select), and GraphiQL's page and files are public.
        var endpoint = endpoints.Map(path, context => handler.HandleAsync(context, path))
            .WithDisplayName("GraphQL " + path)
            .AllowAnonymous();

        // One asset route per application, however many GraphQL paths are mapped.
        var firstAssetRoute = endpoints is not IApplicationBuilder application || application.Properties.TryAdd(GraphiQLMappedKey, true);
        if (services.GetRequiredService<IOptions<GraphQLTransportOptions>>().Value.GraphiQLEnabled && firstAssetRoute)
        {
            var graphiQL = services.GetRequiredService<GraphiQLAssets>();
            endpoints.MapGet(GraphiQLAssets.AssetsPath + "/{**file}", (string? file) => graphiQL.GetFile(file))
                .WithDisplayName("GraphiQL assets")
                .AllowAnonymous()
                .ExcludeFromDescription();
        }

        return endpoint;
    }

    private static void RequireRegistrations(IServiceProvider services)
    {
        var known = services.GetRequiredService<IServiceProviderIsService>();
        if (!known.IsService(typeof(GraphQLEndpointHandler)))
        {
            throw new InvalidOperationException("MapCockpitGraphQL needs services.AddCockpitGraphQLTransport(configuration) first.");
        }

        if (!known.IsService(typeof(IDocumentExecuter<ISchema>)) || !known.IsService(typeof(ISchema)))
        {
            throw new InvalidOperationException(
                "MapCockpitGraphQL needs a GraphQL.NET schema: services.AddGraphQL(b => b.AddSchema<YourSchema>().AddSystemTextJson()).");
        }

        if (!known.IsService(typeof(IGraphQLSerializer)) || !known.IsService(typeof(IGraphQLTextSerializer)))
        {
            throw new InvalidOperationException(
                "MapCockpitGraphQL needs a GraphQL serializer: add .AddSystemTextJson() to services.AddGraphQL(b => ...).");
        }
    }
}

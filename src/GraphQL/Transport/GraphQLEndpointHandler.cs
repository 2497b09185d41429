using Cockpit.GraphQL.Transport.GraphiQL;
using Cockpit.GraphQL.Transport.Http;
using Cockpit.GraphQL.Transport.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Cockpit.GraphQL.Transport;

/// <summary>
/// Everything at the GraphQL path, told apart by the request: a WebSocket upgrade goes to graphql-transport-ws; a
/// browser's GET (Accept names text/html, no <c>query</c> parameter) gets GraphiQL; the rest is GraphQL over HTTP.
/// </summary>
public sealed class GraphQLEndpointHandler(
    GraphQLHttpHandler http,
    GraphQLWebSocketHandler webSockets,
    GraphiQLAssets graphiQL,
    IOptions<GraphQLTransportOptions> options)
{
    public Task HandleAsync(HttpContext context, string graphQLPath)
    {
        if (context.WebSockets.IsWebSocketRequest)
        {
            return webSockets.HandleAsync(context);
        }

        var request = context.Request;
        if (options.Value.GraphiQLEnabled
            && HttpMethods.IsGet(request.Method)
            && !request.Query.ContainsKey("query")
            && GraphQLMediaTypes.AcceptsHtml(request.Headers.Accept))
        {
            return graphiQL.WritePageAsync(context, graphQLPath);
        }

        return http.HandleAsync(context);
    }
}

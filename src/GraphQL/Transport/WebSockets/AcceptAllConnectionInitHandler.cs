using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Cockpit.GraphQL.Transport.WebSockets;

/// <summary>The default hook: every connection is accepted as the upgrade request's user (no authentication yet).</summary>
public sealed class AcceptAllConnectionInitHandler : IGraphQLWsConnectionInitHandler
{
    public ValueTask<GraphQLWsConnectionInitResult> OnConnectionInitAsync(HttpContext httpContext, JsonElement? payload, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GraphQLWsConnectionInitResult.Accept());
}

using System.Security.Claims;
using System.Text.Json;

namespace Cockpit.GraphQL.Transport.WebSockets;

/// <summary>What <see cref="IGraphQLWsConnectionInitHandler"/> decided about a connection.</summary>
public sealed class GraphQLWsConnectionInitResult
{
    private GraphQLWsConnectionInitResult(bool accepted, ClaimsPrincipal? user, JsonElement? ackPayload)
    {
        Accepted = accepted;
        User = user;
        AckPayload = ackPayload;
    }

    /// <summary>False closes the socket with 4403 Forbidden, as graphql-ws's server does when onConnect refuses.</summary>
    public bool Accepted { get; }

    /// <summary>The user every operation of the socket runs as; null keeps the upgrade request's user.</summary>
    public ClaimsPrincipal? User { get; }

    /// <summary>Sent as the <c>connection_ack</c> payload (must be a JSON object); null sends none.</summary>
    public JsonElement? AckPayload { get; }

    public static GraphQLWsConnectionInitResult Accept(ClaimsPrincipal? user = null, JsonElement? ackPayload = null)
    {
        if (ackPayload is { ValueKind: not JsonValueKind.Object })
        {
            throw new ArgumentException("The connection_ack payload must be a JSON object.", nameof(ackPayload));
        }

        return new(accepted: true, user, ackPayload);
    }

    public static GraphQLWsConnectionInitResult Reject() => new(accepted: false, user: null, ackPayload: null);
}

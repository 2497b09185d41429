using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace Cockpit.GraphQL.Transport.Validation;

/// <summary>A subscription arrived over plain HTTP. <c>extensions.code</c>: <see cref="ErrorCode"/>.</summary>
public sealed class SubscriptionRequiresWebSocketError : ValidationError
{
    /// <summary>Stable, set here rather than derived from the type name, so a rename cannot change the API.</summary>
    public const string ErrorCode = "SUBSCRIPTION_REQUIRES_WEBSOCKET";

    public SubscriptionRequiresWebSocketError(ROM source, ASTNode node)
        : base(source, null, "Subscriptions are served over a WebSocket with the graphql-transport-ws subprotocol at this path.", node)
    {
        Code = ErrorCode;
    }
}

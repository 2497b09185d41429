using GraphQL.Validation;
using GraphQLParser.AST;

namespace Cockpit.GraphQL.Transport.Validation;

/// <summary>
/// What the HTTP transport cannot run, found while validating so the document is parsed only once: a mutation over GET
/// (GET must be safe; the GraphQL-over-HTTP spec has the server answer 405) and any subscription (a stream needs the
/// WebSocket at the same path). Runs only for HTTP requests.
/// </summary>
public sealed class HttpOperationTypeValidationRule : ValidationRuleBase
{
    public static HttpOperationTypeValidationRule ForGet { get; } = new(isGet: true);

    public static HttpOperationTypeValidationRule ForPost { get; } = new(isGet: false);

    private readonly bool _isGet;

    private HttpOperationTypeValidationRule(bool isGet) => _isGet = isGet;

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        // Operation is null when the document names no runnable operation; GraphQL.NET reports that on its own.
        var operation = context.Operation;
        if (operation?.Operation == OperationType.Subscription)
        {
            context.ReportError(new SubscriptionRequiresWebSocketError(context.Document.Source, operation));
        }
        else if (_isGet && operation?.Operation == OperationType.Mutation)
        {
            context.ReportError(new MutationNotAllowedOverGetError(context.Document.Source, operation));
        }

        return default;
    }
}

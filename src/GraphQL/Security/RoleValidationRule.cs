using Cockpit.Security;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Cockpit.GraphQL.Security;

/// <summary>
/// Refuses a document that selects a field the caller's role may not (see <see cref="FieldRoles"/>), before anything
/// runs: one <see cref="AccessDeniedError"/> per refused field. Runs for HTTP and WebSocket alike, subscriptions
/// included; the caller is the request's user (the WebSocket's is the upgrade request's, from its session cookie).
/// </summary>
public sealed class RoleValidationRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var actual = CockpitRoles.Of(context.User);
        var hasSession = CockpitRoles.HasSession(context.User);
        return new(new MatchingNodeVisitor<GraphQLField>((field, validation) =>
        {
            if (validation.TypeInfo.GetFieldDef() is not { } definition) return;
            var required = FieldRoles.Required(definition, validation.TypeInfo.GetParentType(), validation.Schema);
            if (required is { } role && !CockpitRoles.Allows(actual, role))
            {
                validation.ReportError(new AccessDeniedError(validation.Document.Source, field, definition.Name, role, actual, hasSession));
            }
        }));
    }
}

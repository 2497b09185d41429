using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace Cockpit.GraphQL.Transport.Validation;

/// <summary>An introspection selection nests type lists too deep. <c>extensions.code</c>: <see cref="ErrorCode"/>.</summary>
public sealed class MaxIntrospectionDepthError : ValidationError
{
    /// <summary>Stable, set here rather than derived from the type name, so a rename cannot change the API.</summary>
    public const string ErrorCode = "MAX_INTROSPECTION_DEPTH";

    public MaxIntrospectionDepthError(ROM source, ASTNode node)
        : base(source, null,
            $"Maximum introspection depth exceeded: fields, inputFields, interfaces and possibleTypes may nest at most {MaxIntrospectionDepthValidationRule.MaxNestedLists - 1} deep.",
            node)
    {
        Code = ErrorCode;
    }
}

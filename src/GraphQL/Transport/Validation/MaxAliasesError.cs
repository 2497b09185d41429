using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace Cockpit.GraphQL.Transport.Validation;

/// <summary>A document used more aliases than allowed. <c>extensions.code</c>: <see cref="ErrorCode"/>.</summary>
public sealed class MaxAliasesError : ValidationError
{
    /// <summary>Stable, set here rather than derived from the type name, so a rename cannot change the API.</summary>
    public const string ErrorCode = "MAX_ALIASES";

    public MaxAliasesError(ROM source, ASTNode node, int maxAliases)
        : base(source, null, $"The document uses more than {maxAliases} field aliases (GRAPHQL_MAX_ALIASES).", node)
    {
        Code = ErrorCode;
    }
}

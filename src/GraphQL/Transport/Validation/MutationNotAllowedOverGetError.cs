using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace Cockpit.GraphQL.Transport.Validation;

/// <summary>A mutation arrived as GET. The HTTP handler answers 405 with <c>Allow: POST</c>. <c>extensions.code</c>: <see cref="ErrorCode"/>.</summary>
public sealed class MutationNotAllowedOverGetError : ValidationError
{
    /// <summary>Stable, set here rather than derived from the type name, so a rename cannot change the API.</summary>
    public const string ErrorCode = "MUTATION_NOT_ALLOWED_OVER_GET";

    public MutationNotAllowedOverGetError(ROM source, ASTNode node)
        : base(source, null, "Mutations must be sent with POST, not GET.", node)
    {
        Code = ErrorCode;
    }
}

using GraphQL.Validation;
using GraphQLParser.AST;

namespace Cockpit.GraphQL.Transport.Validation;

/// <summary>
/// Refuses a document that writes more than <c>maxAliases</c> field aliases. GraphQL.NET 8 has depth and complexity
/// rules but none for aliases, and aliases are how one request repeats an expensive field many times under different
/// names. Counted as written, in operations and fragments alike: the count is bounded by the document's size, and what
/// a fragment spread repeats is the complexity rule's business.
/// </summary>
public sealed class MaxAliasesValidationRule(int maxAliases) : ValidationRuleBase
{
    public int MaxAliases { get; } = maxAliases > 0 ? maxAliases : throw new ArgumentOutOfRangeException(nameof(maxAliases), "must be positive");

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        // One visitor per validation: the count is per document, and the rule instance is shared by every request.
        var aliases = 0;
        return new(new MatchingNodeVisitor<GraphQLField>((field, validation) =>
        {
            if (field.Alias is not null && ++aliases == MaxAliases + 1)
            {
                validation.ReportError(new MaxAliasesError(validation.Document.Source, field, MaxAliases));
            }
        }));
    }
}

using GraphQL.Validation;
using GraphQLParser.AST;

namespace Cockpit.GraphQL.Transport.Validation;

/// <summary>
/// Refuses a <c>__schema</c> or <c>__type</c> selection that nests the type-returning lists (<c>fields</c>,
/// <c>inputFields</c>, <c>interfaces</c>, <c>possibleTypes</c>) <see cref="MaxNestedLists"/> deep, fragments followed:
/// the same bound as graphql-js's specified rule <c>MaxIntrospectionDepthRule</c> (16.9+). It is what keeps a pure
/// introspection query cheap once the depth and complexity limits no longer apply to it (<see cref="IntrospectionExemptRule"/>):
/// <c>types { fields { type { fields { type { fields ... } } } } }</c> multiplies by the schema's width at every level,
/// while every introspection query a tool sends (graphql-js's, GraphiQL's) nests them once. Runs for every document,
/// mixed or not.
/// </summary>
public sealed class MaxIntrospectionDepthValidationRule : ValidationRuleBase
{
    /// <summary>The nesting that is refused (graphql-js's <c>MAX_LISTS_DEPTH</c>): two nested lists pass, three do not.</summary>
    public const int MaxNestedLists = 3;

    public static MaxIntrospectionDepthValidationRule Instance { get; } = new();

    private static readonly HashSet<string> TypeLists = ["fields", "inputFields", "interfaces", "possibleTypes"];

    private MaxIntrospectionDepthValidationRule()
    {
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLField>((field, validation) =>
        {
            // Nested __type fields are checked again on their own; one error per outermost offender is what people read.
            if (field.Name.StringValue is "__schema" or "__type" && TooDeep(field, validation.Document, [], 0))
            {
                validation.ReportError(new MaxIntrospectionDepthError(validation.Document.Source, field));
            }
        }));

    private static bool TooDeep(ASTNode node, GraphQLDocument document, HashSet<string> visiting, int depth)
    {
        switch (node)
        {
            case GraphQLFragmentSpread spread:
            {
                var name = spread.FragmentName.Name.StringValue;
                var fragment = document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(f => f.FragmentName.Name.StringValue == name);
                // A fragment already on this path is a cycle, which the specification's rules refuse on their own.
                if (fragment is null || !visiting.Add(name))
                {
                    return false;
                }

                try
                {
                    return TooDeep(fragment, document, visiting, depth);
                }
                finally
                {
                    visiting.Remove(name);
                }
            }

            case GraphQLField field when TypeLists.Contains(field.Name.StringValue):
                if (++depth >= MaxNestedLists)
                {
                    return true;
                }

                break;
        }

        var selectionSet = node switch
        {
            GraphQLField field => field.SelectionSet,
            GraphQLInlineFragment inline => inline.SelectionSet,
            GraphQLFragmentDefinition fragment => fragment.SelectionSet,
            _ => null,
        };
        return selectionSet is not null && selectionSet.Selections.Any(selection => TooDeep(selection, document, visiting, depth));
    }
}

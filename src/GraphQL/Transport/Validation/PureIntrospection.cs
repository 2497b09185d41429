using GraphQLParser;
using GraphQLParser.AST;

namespace Cockpit.GraphQL.Transport.Validation;

/// <summary>
/// Whether an operation asks only about the schema: a query whose every top-level field (through fragments and inline
/// fragments at the root) is <c>__schema</c>, <c>__type</c> or <c>__typename</c>. Such an operation reads the schema,
/// which is small and fixed, never the data, so the depth and complexity limits meant for data queries do not apply to it
/// (docs/adr/0017-graphiql-csrf.md). One other top-level field makes the whole operation a data query, counted whole:
/// an exemption that followed fields instead of operations would let a deep data selection hide beside <c>__schema</c>.
/// </summary>
public static class PureIntrospection
{
    private static readonly HashSet<string> RootFields = ["__schema", "__type", "__typename"];

    /// <param name="operation">The operation that runs (the document's only one, or the one named by operationName).</param>
    /// <param name="document">The whole document, where the fragments spread at the root are defined.</param>
    public static bool Is(GraphQLOperationDefinition? operation, GraphQLDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return operation is { Operation: OperationType.Query }
            && OnlyIntrospection(operation.SelectionSet, document, []);
    }

    private static bool OnlyIntrospection(GraphQLSelectionSet selectionSet, GraphQLDocument document, HashSet<string> spread)
    {
        foreach (var selection in selectionSet.Selections)
        {
            var pure = selection switch
            {
                GraphQLField field => RootFields.Contains(field.Name.StringValue),
                GraphQLInlineFragment inline => OnlyIntrospection(inline.SelectionSet, document, spread),
                // A fragment spread twice is looked at once; an unknown one is not ours to judge: the specification's
                // rules refuse the document anyway, and until then it counts as data (the limits apply).
                GraphQLFragmentSpread fragmentSpread => spread.Add(fragmentSpread.FragmentName.Name.StringValue)
                    ? Fragment(document, fragmentSpread.FragmentName.Name) is { } fragment && OnlyIntrospection(fragment.SelectionSet, document, spread)
                    : true,
                _ => false,
            };
            if (!pure)
            {
                return false;
            }
        }

        return true;
    }

    private static GraphQLFragmentDefinition? Fragment(GraphQLDocument document, GraphQLName name) =>
        document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(fragment => fragment.FragmentName.Name == name);
}

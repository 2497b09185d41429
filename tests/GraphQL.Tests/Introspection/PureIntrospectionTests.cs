using Cockpit.GraphQL.Transport.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace Cockpit.GraphQL.Tests.Introspection;

/// <summary>Which operations count as pure introspection: a table of documents, no schema needed.</summary>
public sealed class PureIntrospectionTests
{
    public static TheoryData<string, string?, bool> Cases => new()
    {
        // document, operation name (null: the only one), pure?
        { "{ __typename }", null, true },
        { "{ __schema { queryType { name } } }", null, true },
        { """{ __type(name: "Job") { fields { name } } }""", null, true },
        { "query IntrospectionQuery { __schema { types { name } } }", null, true },
        { "{ ... on Query { __schema { queryType { name } } } }", null, true },
        { "{ ...F } fragment F on Query { __typename ... on Query { __schema { queryType { name } } } }", null, true },
        { "{ ...F ...F } fragment F on Query { __typename }", null, true },
        { "{ agents { id } }", null, false },
        { "{ __typename agents { id } }", null, false },
        { "{ ... on Query { agents { id } } __typename }", null, false },
        { "{ ...F } fragment F on Query { agents { id } }", null, false },
        { "{ ...Missing }", null, false },
        // Skipped or not, a data field makes a data query (the complexity rule itself leaves skipped fields uncounted).
        { "{ __typename agents @skip(if: true) { id } }", null, false },
        // Only a query reads the schema alone; the other operation types name their root fields for their effects.
        { "mutation { __typename }", null, false },
        { "subscription { __typename }", null, false },
        { "query A { __typename } query B { agents { id } }", "A", true },
        { "query A { __typename } query B { agents { id } }", "B", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_operation_is_pure_introspection_when_every_root_field_is_a_meta_field(string source, string? operationName, bool pure)
    {
        var document = Parser.Parse(source);
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null ? operations.Single() : operations.Single(o => o.Name?.StringValue == operationName);

        PureIntrospection.Is(operation, document).ShouldBe(pure);
    }

    [Fact]
    public void No_operation_is_not_pure()
    {
        PureIntrospection.Is(null, Parser.Parse("{ __typename }")).ShouldBeFalse();
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Cockpit.GraphQL.Schema.Scalars;
using GraphQLParser;
using GraphQLParser.AST;

namespace Cockpit.GraphQL.Tests.Schema;

public sealed class JsonGraphTypeTests
{
    private readonly JsonGraphType _json = new();

    [Fact]
    public void A_literal_of_any_shape_becomes_the_same_json()
    {
        var value = Literal("""{ team: "qa", n: [1, -2.5, true, null, 12345678901234], nested: { e: ENUMISH } }""");
        _json.CanParseLiteral(value).ShouldBeTrue();
        var parsed = (JsonElement)_json.ParseLiteral(value)!;
        JsonNode.DeepEquals(JsonNode.Parse(parsed.GetRawText()),
            JsonNode.Parse("""{"team":"qa","n":[1,-2.5,true,null,12345678901234],"nested":{"e":"ENUMISH"}}""")).ShouldBeTrue(parsed.GetRawText());
        _json.ParseLiteral(new GraphQLNullValue()).ShouldBeNull();
        ((JsonElement)_json.ParseLiteral(Literal("[1, 2]"))!).ValueKind.ShouldBe(JsonValueKind.Array);
    }

    [Fact]
    public void A_variable_as_the_transport_deserialises_it_becomes_json()
    {
        var variable = new Dictionary<string, object?> { ["team"] = "qa", ["n"] = new List<object?> { 1, 2.5m, null } };
        var parsed = (JsonElement)_json.ParseValue(variable)!;
        parsed.GetRawText().ShouldBe("""{"team":"qa","n":[1,2.5,null]}""");
        ((JsonElement)_json.ParseValue("text")!).ValueKind.ShouldBe(JsonValueKind.String);
        _json.ParseValue(null).ShouldBeNull();
    }

    [Fact]
    public void Output_values_are_written_as_they_are_and_json_null_is_null()
    {
        var element = JsonDocument.Parse("""{"a":1}""").RootElement;
        _json.Serialize(element).ShouldBe(element);
        _json.Serialize(JsonDocument.Parse("null").RootElement).ShouldBeNull();
        var node = new JsonObject { ["b"] = 2 };
        _json.Serialize(node).ShouldBeSameAs(node);
    }

    private static GraphQLValue Literal(string text)
    {
        var document = Parser.Parse("{ f(a: " + text + ") }");
        var operation = (GraphQLOperationDefinition)document.Definitions[0];
        return ((GraphQLField)operation.SelectionSet.Selections[0]).Arguments![0].Value;
    }
}

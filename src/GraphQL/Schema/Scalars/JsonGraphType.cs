using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Cockpit.GraphQL.Schema.Scalars;

/// <summary>
/// The schema's <c>JSON</c>: any JSON value. Output values are <see cref="JsonElement"/> or <see cref="JsonNode"/>
/// and are written as they are; inputs (variables or literals) become a <see cref="JsonElement"/>.
/// </summary>
public sealed class JsonGraphType : ScalarGraphType
{
    public JsonGraphType()
    {
        Name = "JSON";
        Description = "Any JSON value (objects, arrays, strings, numbers, booleans, null).";
    }

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        JsonElement or JsonNode => value,
        _ => JsonSerializer.SerializeToElement(value, value.GetType()),
    };

    /// <summary>Variables arrive as the transport's deserializer builds them (dictionaries, lists, numbers, strings).</summary>
    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        JsonElement element => element.Clone(),
        JsonNode node => JsonSerializer.SerializeToElement(node),
        _ => JsonSerializer.SerializeToElement(value, value.GetType()),
    };

    public override object? ParseLiteral(GraphQLValue value) => value is GraphQLNullValue ? null : JsonSerializer.SerializeToElement(ToNode(value));

    public override bool CanParseLiteral(GraphQLValue value) => value is not GraphQLVariable && IsJsonLiteral(value);

    public override bool CanParseValue(object? value) => true;

    private static bool IsJsonLiteral(GraphQLValue value) => value switch
    {
        GraphQLObjectValue obj => obj.Fields is null || obj.Fields.All(f => IsJsonLiteral(f.Value)),
        GraphQLListValue list => list.Values is null || list.Values.All(IsJsonLiteral),
        GraphQLVariable => false,
        _ => true,
    };

    private static JsonNode? ToNode(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLBooleanValue b => JsonValue.Create(b.BoolValue),
        GraphQLIntValue i => long.TryParse(i.Value.Span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
            ? JsonValue.Create(whole)
            : JsonValue.Create(decimal.Parse(i.Value.Span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
        GraphQLFloatValue f => JsonValue.Create(double.Parse(f.Value.Span, CultureInfo.InvariantCulture)),
        GraphQLStringValue s => JsonValue.Create((string)s.Value),
        GraphQLEnumValue e => JsonValue.Create((string)e.Name.Value),
        GraphQLListValue list => new JsonArray((list.Values ?? []).Select(ToNode).ToArray()),
        GraphQLObjectValue obj => new JsonObject((obj.Fields ?? []).Select(f => KeyValuePair.Create((string)f.Name.Value, ToNode(f.Value)))),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.Kind, "not a JSON literal"),
    };
}

using System.Text.RegularExpressions;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace Cockpit.GraphQL.Tests.Schema;

/// <summary>
/// An SDL document as a sorted set of lines, one per schema element (type, field, argument, enum value, input field,
/// directive), each with its type, default value and description. Two documents that differ only in order,
/// whitespace, comments or description quoting have the same lines; anything a client can see differs.
/// </summary>
public static partial class SdlCanonicalForm
{
    public static IReadOnlyList<string> Of(string sdl)
    {
        var document = GraphQLParser.Parser.Parse(sdl);
        var lines = new List<string>();
        var hasSchemaDefinition = false;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLSchemaDefinition schema:
                    hasSchemaDefinition = true;
                    foreach (var op in schema.OperationTypes) lines.Add($"schema {op.Operation.ToString().ToLowerInvariant()}: {op.Type!.Name.Value}");
                    break;
                case GraphQLScalarTypeDefinition scalar:
                    names.Add(scalar.Name.StringValue);
                    lines.Add(Line($"scalar {scalar.Name.Value}", scalar.Description));
                    break;
                case GraphQLEnumTypeDefinition enumeration:
                    names.Add(enumeration.Name.StringValue);
                    lines.Add(Line($"enum {enumeration.Name.Value}", enumeration.Description));
                    foreach (var value in enumeration.Values?.Items ?? [])
                    {
                        lines.Add(Line($"enum {enumeration.Name.Value} value {value.Name.Value}", value.Description));
                    }
                    break;
                case GraphQLObjectTypeDefinition type:
                    names.Add(type.Name.StringValue);
                    var interfaces = (type.Interfaces?.Items.Select(i => (string)i.Name.Value) ?? []).Order(StringComparer.Ordinal);
                    lines.Add(Line($"type {type.Name.Value} implements [{string.Join(", ", interfaces)}]", type.Description));
                    AddFields(lines, type.Name.StringValue, type.Fields?.Items ?? []);
                    break;
                case GraphQLInterfaceTypeDefinition type:
                    names.Add(type.Name.StringValue);
                    lines.Add(Line($"interface {type.Name.Value}", type.Description));
                    AddFields(lines, type.Name.StringValue, type.Fields?.Items ?? []);
                    break;
                case GraphQLUnionTypeDefinition union:
                    names.Add(union.Name.StringValue);
                    var members = (union.Types?.Items.Select(t => (string)t.Name.Value) ?? []).Order(StringComparer.Ordinal);
                    lines.Add(Line($"union {union.Name.Value} = {string.Join(" | ", members)}", union.Description));
                    break;
                case GraphQLInputObjectTypeDefinition input:
                    names.Add(input.Name.StringValue);
                    lines.Add(Line($"input {input.Name.Value}", input.Description));
                    foreach (var field in input.Fields?.Items ?? [])
                    {
                        lines.Add(Line($"input {input.Name.Value} field {field.Name.Value}: {TypeText(field.Type)}{Default(field.DefaultValue)}", field.Description));
                    }
                    break;
                case GraphQLDirectiveDefinition directive:
                    lines.Add(Line($"directive @{directive.Name.Value} on {string.Join(" | ", directive.Locations.Items.Select(l => l.ToString()).Order(StringComparer.Ordinal))}", directive.Description));
                    break;
                default:
                    lines.Add($"unexpected {definition.Kind}: {Printer.Print(definition)}");
                    break;
            }
        }

        if (!hasSchemaDefinition)
        {
            // Without a schema block the root types are the ones with the default names.
            foreach (var (operation, name) in new[] { ("query", "Query"), ("mutation", "Mutation"), ("subscription", "Subscription") })
            {
                if (names.Contains(name)) lines.Add($"schema {operation}: {name}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static void AddFields(List<string> lines, string typeName, IEnumerable<GraphQLFieldDefinition> fields)
    {
        foreach (var field in fields)
        {
            lines.Add(Line($"type {typeName} field {field.Name.Value}: {TypeText(field.Type)}", field.Description));
            foreach (var argument in field.Arguments?.Items ?? [])
            {
                lines.Add(Line($"type {typeName} field {field.Name.Value} arg {argument.Name.Value}: {TypeText(argument.Type)}{Default(argument.DefaultValue)}",
                    argument.Description));
            }
        }
    }

    private static string Default(GraphQLValue? value) => value is null ? "" : " = " + Printer.Print(value);

    private static string TypeText(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => TypeText(nonNull.Type) + "!",
        GraphQLListType list => "[" + TypeText(list.Type) + "]",
        GraphQLNamedType named => (string)named.Name.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "unknown type reference"),
    };

    private static readonly SDLPrinter Printer = new();

    private static string Line(string element, GraphQLDescription? description) =>
        description is null ? element : $"{element} \"{Whitespace().Replace(((string)description.Value).Trim(), " ")}\"";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

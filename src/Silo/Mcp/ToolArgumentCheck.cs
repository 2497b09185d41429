using System.Text.Json;

namespace Cockpit.Silo.Mcp;

/// <summary>
/// Checks a call's arguments against the tool's declared input schema before the tool is bound: a missing required
/// argument, one of the wrong JSON type or one the tool does not have becomes an error naming it. (Left to the SDK,
/// these fail in binding and the caller only learns "an error occurred".) Covers the schema shapes our tools declare:
/// top-level properties with a <c>type</c> (one name or a list) and arrays with typed <c>items</c>.
/// </summary>
public static class ToolArgumentCheck
{
    /// <summary>Errors keyed by argument name; empty when the arguments fit the schema.</summary>
    public static Dictionary<string, string[]> Check(JsonElement inputSchema, IDictionary<string, JsonElement>? arguments)
    {
        var errors = new Dictionary<string, string[]>();
        if (inputSchema.ValueKind != JsonValueKind.Object) return errors;
        var properties = inputSchema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var names = properties.ValueKind == JsonValueKind.Object ? properties.EnumerateObject().Select(x => x.Name).ToList() : [];

        if (inputSchema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()).OfType<string>())
            {
                if (arguments is null || !arguments.TryGetValue(name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
                {
                    errors[name] = ["is required"];
                }
            }
        }

        foreach (var (name, value) in arguments ?? new Dictionary<string, JsonElement>())
        {
            if (errors.ContainsKey(name)) continue;
            if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(name, out var property))
            {
                errors[Clip(name)] = [$"is not an argument of this tool; its arguments are: {string.Join(", ", names)}"];
                continue;
            }
            if (!Fits(property, value)) errors[name] = [$"must be {Describe(property)}"];
        }
        return errors;
    }

    private static bool Fits(JsonElement schema, JsonElement value)
    {
        var types = Types(schema);
        if (types.Count == 0) return true;
        return types.Any(type => type switch
        {
            "null" => value.ValueKind == JsonValueKind.Null,
            "string" => value.ValueKind == JsonValueKind.String,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
            "number" => value.ValueKind == JsonValueKind.Number,
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array
                && (!schema.TryGetProperty("items", out var items) || value.EnumerateArray().All(item => Fits(items, item))),
            _ => true,
        });
    }

    private static List<string> Types(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type)) return [];
        return type.ValueKind switch
        {
            JsonValueKind.String => [type.GetString()!],
            JsonValueKind.Array => type.EnumerateArray().Select(t => t.GetString()).OfType<string>().ToList(),
            _ => [],
        };
    }

    private static string Describe(JsonElement schema)
    {
        var types = Types(schema).Where(t => t != "null").ToList();
        var described = types.Select(t => t switch
        {
            "integer" => "a whole number",
            "array" when schema.TryGetProperty("items", out var items) && Types(items).FirstOrDefault(i => i != "null") is { } item => $"a list of {item}s",
            "array" => "a list",
            "object" => "an object",
            _ => "a " + t,
        });
        return string.Join(" or ", described);
    }

    private static string Clip(string value) => value.Length <= 64 ? value : value[..64] + "…";
}

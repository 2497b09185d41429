using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cockpit.Deploy.Tests.Kubernetes;

/// <summary>Null-tolerant reads of rendered manifests.</summary>
public static class Json
{
    public static JsonNode? At(this JsonNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(key, out node)) return null;
        }
        return node;
    }

    public static string? Text(this JsonNode? node, params string[] path) =>
        node.At(path) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static long? Number(this JsonNode? node, params string[] path) =>
        node.At(path) is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<long>() : null;

    public static IReadOnlyList<JsonObject> Objects(this JsonNode? node, params string[] path) =>
        node.At(path) is JsonArray array ? array.OfType<JsonObject>().ToList() : [];

    public static IReadOnlyDictionary<string, string> StringMap(this JsonNode? node, params string[] path) =>
        node.At(path) is JsonObject obj
            ? obj.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.ToString())
            : new Dictionary<string, string>();
}

using System.Globalization;
using System.Text.Json.Nodes;
using Cockpit.Grains.Usage;
using Cockpit.Commands.Configs;
using NJsonSchema;

namespace Cockpit.Silo.Usage;

/// <summary>Reads <c>prices.yaml</c> and checks it against <c>prices.schema.json</c> beside it, as agent configs are checked.</summary>
public static class PriceFile
{
    public const string FileName = "prices.yaml";
    public const string SchemaFileName = "prices.schema.json";

    /// <exception cref="ConfigFormatException">The file or its schema is missing, not YAML, or breaks the schema; the message says where.</exception>
    public static async Task<PriceTable> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        var schemaPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, SchemaFileName);
        if (!File.Exists(path)) throw new ConfigFormatException($"{path} not found");
        if (!File.Exists(schemaPath)) throw new ConfigFormatException($"{SchemaFileName} not found beside {Path.GetFileName(path)}, so it cannot be validated");
        if (new FileInfo(path).Length > ConfigCatalog.MaxFileBytes) throw new ConfigFormatException($"{path} is larger than {ConfigCatalog.MaxFileBytes} bytes");
        JsonSchema schema;
        try
        {
            schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(schemaPath, cancellationToken), cancellationToken);
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or InvalidOperationException)
        {
            throw new ConfigFormatException($"{SchemaFileName} is not a usable JSON Schema: {e.Message}", e);
        }
        return Parse(await File.ReadAllTextAsync(path, cancellationToken), schema);
    }

    /// <exception cref="ConfigFormatException">Not YAML or not valid against <paramref name="schema"/>.</exception>
    public static PriceTable Parse(string yaml, JsonSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var node = YamlToJson.Parse(yaml) ?? throw new ConfigFormatException("the file is empty");
        var errors = ConfigCatalog.Describe(schema.Validate(node.ToJsonString())).ToList();
        if (errors.Count > 0) throw new ConfigFormatException(string.Join("; ", errors));
        var root = (JsonObject)node;
        var models = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in root["models"]!.AsObject())
        {
            var price = value!.AsObject();
            if (!models.TryAdd(name, new ModelPrice(Number(price["input"]), Number(price["output"]), price["cached_input"] is { } c ? Number(c) : null)))
                throw new ConfigFormatException($"models.{name}: listed twice (names are compared ignoring case)");
        }
        return new PriceTable(models, root["prices_as_of"]?.GetValue<string>());
    }

    private static decimal Number(JsonNode? node) =>
        decimal.Parse(node!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}

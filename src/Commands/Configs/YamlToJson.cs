using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cockpit.Commands.Configs;

/// <summary>
/// Reads one YAML document into JSON nodes, so it can be merged and validated with JSON Schema. Plain scalars are
/// typed as YAML 1.2's core schema types them (null, true/false, integers, floats); quoted scalars stay strings.
/// </summary>
public static class YamlToJson
{
    /// <summary>The document as JSON; null for an empty document.</summary>
    /// <exception cref="ConfigFormatException">Not YAML, several documents, a duplicate key or a non-scalar key.</exception>
    public static JsonNode? Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new ConfigFormatException($"not valid YAML at line {ex.Start.Line}, column {ex.Start.Column}: {Inner(ex).Message}", ex);
        }
        catch (ArgumentException ex)
        {
            // YamlDotNet reports a repeated key in a mapping as an ArgumentException from its dictionary.
            throw new ConfigFormatException($"not valid YAML: {ex.Message}", ex);
        }

        return stream.Documents.Count switch
        {
            0 => null,
            1 => Convert(stream.Documents[0].RootNode),
            _ => throw new ConfigFormatException($"expected one YAML document, found {stream.Documents.Count}"),
        };
    }

    private static Exception Inner(Exception ex) => ex.InnerException is YamlException inner ? Inner(inner) : ex.InnerException ?? ex;

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ConvertMapping(mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => throw new ConfigFormatException($"unsupported YAML node at line {node.Start.Line}"),
    };

    private static JsonObject ConvertMapping(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                throw new ConfigFormatException($"keys must be plain names (line {key.Start.Line})");
            }
            if (result.ContainsKey(name)) throw new ConfigFormatException($"duplicate key '{name}' at line {key.Start.Line}");
            result[name] = Convert(value);
        }
        return result;
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag is "tag:yaml.org,2002:str" || scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any)) return JsonValue.Create(text);

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return JsonValue.Create(integer);
        if (text.StartsWith("0x", StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            return JsonValue.Create(hex);
        }
        if (LooksNumeric(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
        {
            return JsonValue.Create(real);
        }
        return JsonValue.Create(text);
    }

    // double.TryParse accepts "Infinity" and "NaN"; YAML's core schema spells those .inf/.nan, which JSON cannot hold.
    private static bool LooksNumeric(string text) => text.Length > 0 && text.All(c => char.IsAsciiDigit(c) || c is '.' or '-' or '+' or 'e' or 'E');
}

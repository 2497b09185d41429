using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cockpit.Http;

/// <summary>The JSON rules of every REST endpoint: the seed's snake_case, ISO dates, nulls left out of nothing.</summary>
public static class ApiJson
{
    /// <summary>Nesting deeper than this is refused before it can cost anything; the seed's bodies are shallow.</summary>
    public const int MaxDepth = 32;

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.MaxDepth = MaxDepth;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        // Numbers in strings ("8001") are a type error, not a convenience: agents must send what the seed says.
        options.NumberHandling = JsonNumberHandling.Strict;
    }

    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cockpit.Agent;

/// <summary>One JSON dialect for the wire and one for workspace files, so every writer and reader agrees.</summary>
public static class AgentJson
{
    /// <summary>snake_case, nulls left out: what the agent sends and serves.</summary>
    public static JsonSerializerOptions Wire { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Like <see cref="Wire"/> but indented, because people read the workspace files.</summary>
    public static JsonSerializerOptions Files { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return options;
    }
}

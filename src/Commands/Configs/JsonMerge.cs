using System.Text.Json.Nodes;

namespace Cockpit.Commands.Configs;

/// <summary>How a named configuration lies over the defaults.</summary>
public static class JsonMerge
{
    /// <summary>
    /// A new tree: <paramref name="overlay"/> over <paramref name="defaults"/>. Objects merge key by key; any other
    /// value (scalar, list) replaces; a null in the overlay removes the key, so a config can drop a default.
    /// Neither input is changed.
    /// </summary>
    public static JsonObject Merge(JsonObject defaults, JsonObject overlay)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(overlay);
        var result = (JsonObject)defaults.DeepClone();
        foreach (var (key, value) in overlay)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else if (value is JsonObject child && result[key] is JsonObject under)
            {
                result[key] = Merge(under, child);
            }
            else
            {
                result[key] = value.DeepClone();
            }
        }
        return result;
    }
}

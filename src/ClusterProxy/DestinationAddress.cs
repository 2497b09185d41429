namespace Cockpit.ClusterProxy;

/// <summary>A silo the proxy forwards to: a name for people and logs, and its base URL.</summary>
public sealed record DestinationAddress(string Name, Uri BaseUrl)
{
    /// <summary>The URL without a trailing slash, as the forwarder wants it.</summary>
    public string Prefix => BaseUrl.GetLeftPart(UriPartial.Authority);

    /// <summary>Parses <c>name=url, url, …</c>; unnamed entries are called silo-N by position.</summary>
    /// <exception cref="InvalidOperationException">Empty list, a bad URL or a repeated name; the message names <paramref name="key"/>.</exception>
    public static IReadOnlyList<DestinationAddress> ParseList(string? text, string key)
    {
        var entries = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0) throw new InvalidOperationException($"Setting {key} is required: the silos' URLs, comma separated.");

        var list = new List<DestinationAddress>(entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            var split = entry.IndexOf('=', StringComparison.Ordinal);
            var name = split > 0 ? entry[..split].Trim() : $"silo-{i + 1}";
            var url = split > 0 ? entry[(split + 1)..].Trim() : entry;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/")
            {
                throw new InvalidOperationException($"Setting {key}: '{entry}' is not an http(s) URL of a host and port without a path.");
            }
            if (list.Any(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"Setting {key}: the name '{name}' is used twice.");
            }
            list.Add(new DestinationAddress(name, uri));
        }
        return list;
    }
}

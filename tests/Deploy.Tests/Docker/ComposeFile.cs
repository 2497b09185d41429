using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Cockpit.Deploy.Tests.Docker;

/// <summary>docker-compose.yaml as plain maps and lists, with YAML merge keys (&lt;&lt;: *anchor) resolved as Compose does.</summary>
public sealed class ComposeFile(Dictionary<object, object> root)
{
    public static ComposeFile Load(string path)
    {
        using var reader = new StringReader(File.ReadAllText(path));
        var parser = new MergingParser(new Parser(reader));
        return new ComposeFile(new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(parser));
    }

    public IReadOnlyDictionary<string, Dictionary<object, object>> Services =>
        Map(root, "services").ToDictionary(p => (string)p.Key, p => (Dictionary<object, object>)p.Value);

    public IReadOnlyCollection<string> Volumes => Map(root, "volumes").Keys.Cast<string>().ToList();

    public static Dictionary<object, object> Map(Dictionary<object, object> node, string key) =>
        node.TryGetValue(key, out var value) && value is Dictionary<object, object> map ? map : [];

    public static List<object> List(Dictionary<object, object> node, string key) =>
        node.TryGetValue(key, out var value) && value is List<object> list ? list : [];

    public static string? Text(Dictionary<object, object> node, string key) => node.TryGetValue(key, out var value) ? value as string : null;

    /// <summary>A service's environment map (Compose also allows a KEY=value list; this file uses maps).</summary>
    public static IReadOnlyDictionary<string, string> Environment(Dictionary<object, object> service) =>
        Map(service, "environment").ToDictionary(p => (string)p.Key, p => p.Value?.ToString() ?? "");

    /// <summary>"volume:/path" entries as (volume, path).</summary>
    public static IReadOnlyList<(string Source, string Target)> Mounts(Dictionary<object, object> service) =>
        List(service, "volumes").OfType<string>().Select(v => v.Split(':')).Select(p => (p[0], p[1])).ToList();
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cockpit.Deploy.Tests.Kubernetes;

/// <summary>
/// The environment the kubelet would give a container of a workload's pod template: literal values with <c>$(NAME)</c>
/// expanded from variables defined earlier in the list (a later or unknown one stays as written, as in Kubernetes), and
/// the downward-API fields a pod on <paramref name="nodeName"/> named <paramref name="podName"/> would read.
/// Secret and ConfigMap references are left out: the tests that use this look at what the pod itself supplies.
/// </summary>
public static partial class PodEnvironment
{
    public static IReadOnlyDictionary<string, string> Resolve(Workload workload, PodContainer container, string nodeName, string podName)
    {
        var metadata = workload.Source.Body.At("spec", "template", "metadata");
        var labels = metadata.StringMap("labels");
        var annotations = metadata.StringMap("annotations");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in container.Env)
        {
            var name = variable.Text("name")!;
            var value = variable.Text("value") is { } literal ? Expand(literal, environment)
                : variable.Text("valueFrom", "fieldRef", "fieldPath") is { } path ? Field(path, labels, annotations, nodeName, podName)
                : null;
            if (value is not null) environment[name] = value;
        }
        return environment;
    }

    /// <summary>The variables a literal value refers to with <c>$(NAME)</c>.</summary>
    public static IEnumerable<string> References(string value) =>
        Reference().Matches(value.Replace("$$", "", StringComparison.Ordinal)).Select(m => m.Groups[1].Value);

    private static string Expand(string value, IReadOnlyDictionary<string, string> defined) =>
        Reference().Replace(value, m => defined.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    private static string Field(string path, IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> annotations,
        string nodeName, string podName)
    {
        var keyed = KeyedField().Match(path);
        // A missing label or annotation reads as empty, as the kubelet does.
        if (keyed.Success)
            return (keyed.Groups[1].Value == "labels" ? labels : annotations).GetValueOrDefault(keyed.Groups[2].Value, "");
        return path switch
        {
            "spec.nodeName" => nodeName,
            "metadata.name" => podName,
            "metadata.namespace" => Names.Namespace,
            "status.podIP" => "10.42.0.7",
            _ => throw new ShouldAssertException($"the test does not know the downward-API field {path}"),
        };
    }

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^metadata\.(labels|annotations)\['([^']+)'\]$")]
    private static partial Regex KeyedField();
}

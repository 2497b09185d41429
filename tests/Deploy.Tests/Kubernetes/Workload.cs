using System.Text.Json.Nodes;
using Cockpit.Deploy.Tests.Support;

namespace Cockpit.Deploy.Tests.Kubernetes;

/// <summary>A Deployment or StatefulSet, seen through its pod template.</summary>
public sealed class Workload(KubeObject source)
{
    public KubeObject Source { get; } = source;

    public string Name => Source.Name ?? "";

    public string Kind => Source.Kind ?? "";

    public long? Replicas => Source.Body.Number("spec", "replicas");

    public JsonNode? Selector => Source.Body.At("spec", "selector");

    public JsonNode? PodSpec => Source.Body.At("spec", "template", "spec");

    public IReadOnlyDictionary<string, string> PodLabels => Source.Body.StringMap("spec", "template", "metadata", "labels");

    public IReadOnlyList<PodContainer> Containers => PodSpec.Objects("containers").Select(c => new PodContainer(c)).ToList();

    public IReadOnlyList<PodContainer> InitContainers => PodSpec.Objects("initContainers").Select(c => new PodContainer(c)).ToList();

    public IEnumerable<PodContainer> AllContainers => InitContainers.Concat(Containers);

    public PodContainer Container(string name) =>
        Containers.SingleOrDefault(c => c.Name == name) ?? throw new ShouldAssertException($"{Kind} {Name} has no container {name}");

    public long? TerminationGracePeriodSeconds => PodSpec.Number("terminationGracePeriodSeconds");

    public JsonObject? Volume(string name) => PodSpec.Objects("volumes").FirstOrDefault(v => v.Text("name") == name);

    /// <summary>The PersistentVolumeClaim a volume of this pod binds (pod volume or volumeClaimTemplate).</summary>
    public string? ClaimOf(string volumeName) =>
        Volume(volumeName).Text("persistentVolumeClaim", "claimName")
        ?? Source.Body.Objects("spec", "volumeClaimTemplates").Where(t => t.Text("metadata", "name") == volumeName).Select(_ => volumeName).FirstOrDefault();

    public override string ToString() => $"{Kind} {Name}";
}

using Cockpit.Deploy.Tests.Support;

namespace Cockpit.Deploy.Tests.Kubernetes;

/// <summary>The objects one overlay renders to (or a set of template files), with lookups by kind and name.</summary>
public sealed class Manifests(string name, IReadOnlyList<KubeObject> objects)
{
    public string Name { get; } = name;

    public IReadOnlyList<KubeObject> Objects { get; } = objects;

    public IEnumerable<KubeObject> OfKind(string kind) => Objects.Where(o => o.Kind == kind);

    public KubeObject? Find(string kind, string name) => Objects.SingleOrDefault(o => o.Kind == kind && o.Name == name);

    public KubeObject Get(string kind, string name) =>
        Find(kind, name) ?? throw new ShouldAssertException($"{Name}: no {kind} {name}; it renders {string.Join(", ", Objects)}");

    public IEnumerable<Workload> Workloads =>
        Objects.Where(o => o.Kind is "Deployment" or "StatefulSet" or "DaemonSet").Select(o => new Workload(o));

    public Workload Workload(string name) =>
        Workloads.SingleOrDefault(w => w.Name == name) ?? throw new ShouldAssertException($"{Name}: no workload {name}");

    /// <summary>The workloads whose pods a LabelSelector selects.</summary>
    public IReadOnlyList<Workload> SelectedBy(System.Text.Json.Nodes.JsonNode? selector) =>
        Workloads.Where(w => LabelSelectors.Matches(selector, w.PodLabels)).ToList();

    /// <summary>The ConfigMap an envFrom/configMapRef names; kustomize's generators add a content hash to the name.</summary>
    public KubeObject? ConfigMap(string name) => Find("ConfigMap", name);

    public override string ToString() => Name;
}

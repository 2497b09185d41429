using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cockpit.Deploy.Tests.Kubernetes;

/// <summary>A container of a pod template: its ports, environment, probes, resources and mounts.</summary>
public sealed class PodContainer(JsonObject body)
{
    public JsonObject Body { get; } = body;

    public string Name => Body.Text("name") ?? "";

    public string? Image => Body.Text("image");

    public IReadOnlyList<(string? Name, long Number)> Ports =>
        Body.Objects("ports").Select(p => (p.Text("name"), p.Number("containerPort") ?? -1)).ToList();

    /// <summary>A port reference (number, or the name of one of this container's ports) as a number; null when it names nothing.</summary>
    public long? ResolvePort(JsonNode? reference) => reference switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<long>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String =>
            Ports.Where(p => p.Name == v.GetValue<string>()).Select(p => (long?)p.Number).FirstOrDefault(),
        _ => null,
    };

    public IReadOnlyList<JsonObject> Env => Body.Objects("env");

    public JsonObject? EnvVar(string name) => Env.FirstOrDefault(e => e.Text("name") == name);

    public int EnvIndex(string name) => Env.ToList().FindIndex(e => e.Text("name") == name);

    /// <summary>A literal env value (not valueFrom).</summary>
    public string? EnvValue(string name) => EnvVar(name).Text("value");

    public IEnumerable<string> EnvFromConfigMaps => Body.Objects("envFrom").Select(e => e.Text("configMapRef", "name")).OfType<string>();

    public IEnumerable<string> EnvFromSecrets => Body.Objects("envFrom").Select(e => e.Text("secretRef", "name")).OfType<string>();

    public JsonObject? Probe(string kind) => Body[kind] as JsonObject;

    public IReadOnlyList<(string Volume, string MountPath)> Mounts =>
        Body.Objects("volumeMounts").Select(m => (m.Text("name") ?? "", m.Text("mountPath") ?? "")).ToList();

    public JsonNode? Resource(string section, string resource) => Body.At("resources", section, resource);

    public override string ToString() => Name;
}

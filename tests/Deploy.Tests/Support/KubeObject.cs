using System.Text.Json.Nodes;

namespace Cockpit.Deploy.Tests.Support;

/// <summary>One Kubernetes object as the validator read it, with what the schema check found wrong (empty when valid).</summary>
public sealed record KubeObject(string Source, int Index, string? ApiVersion, string? Kind, string? Name, string? Namespace, JsonObject Body, IReadOnlyList<string> Errors)
{
    public override string ToString() => $"{Kind} {Name} ({Path.GetFileName(Source)} #{Index})";
}

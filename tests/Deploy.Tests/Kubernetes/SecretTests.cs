using System.Text.Json.Nodes;
using Cockpit.Deploy.Tests.Support;

namespace Cockpit.Deploy.Tests.Kubernetes;

/// <summary>Secrets are templates: placeholders only; and every Secret a pod reads is either rendered or has a template.</summary>
[Collection(DeployCollection.Name)]
public sealed class SecretTests(DeployFixture fixture)
{
    /// <summary>Keys whose values are credentials (or may embed them, like a connection URL).</summary>
    private static bool IsCredential(string key) =>
        new[] { "PASSWORD", "KEY", "TOKEN", "SECRET", "URL", "URI", "CONNECTION_STRING" }.Any(part => key.Contains(part, StringComparison.Ordinal));

    private static bool IsPlaceholder(string value) => value == Names.Placeholder || value.StartsWith(Names.Placeholder + "_", StringComparison.Ordinal);

    private static IEnumerable<(string Key, string Value)> Values(KubeObject secret) =>
        secret.Body.StringMap("stringData").Select(p => (p.Key, p.Value))
            .Concat(secret.Body.StringMap("data").Select(p => (p.Key, System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(p.Value)))));

    [Fact]
    public void Secret_templates_hold_nothing_but_placeholders()
    {
        foreach (var template in fixture.Templates.Objects)
        {
            var values = Values(template).ToList();
            values.ShouldNotBeEmpty(template.ToString());
            values.Where(v => !IsPlaceholder(v.Value)).ShouldBeEmpty($"{template} holds a value that is not {Names.Placeholder}");
        }
    }

    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void Rendered_secrets_hold_placeholders_for_every_credential(string overlay)
    {
        foreach (var secret in fixture.Overlay(overlay).OfKind("Secret"))
        {
            Values(secret).Where(v => IsCredential(v.Key) && !IsPlaceholder(v.Value)).ShouldBeEmpty($"{secret} carries a real-looking credential");
        }
    }

    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void Every_secret_and_config_map_a_pod_reads_exists_with_the_key(string overlay)
    {
        var manifests = fixture.Overlay(overlay);
        foreach (var workload in manifests.Workloads)
        {
            foreach (var container in workload.AllContainers)
            {
                foreach (var env in container.Env)
                {
                    if (env.At("valueFrom", "secretKeyRef") is JsonObject secretRef && secretRef.At("optional")?.GetValue<bool>() != true)
                    {
                        var name = secretRef.Text("name")!;
                        var secret = manifests.Find("Secret", name) ?? fixture.Templates.Find("Secret", name);
                        secret.ShouldNotBeNull($"{workload} {container} reads Secret {name}, which is neither rendered nor templated");
                        Values(secret).Select(v => v.Key).ShouldContain(secretRef.Text("key")!, $"Secret {name} lacks key {secretRef.Text("key")}");
                    }
                    if (env.At("valueFrom", "configMapKeyRef") is JsonObject mapRef)
                    {
                        manifests.ConfigMap(mapRef.Text("name")!).ShouldNotBeNull().Body.StringMap("data").ShouldContainKey(mapRef.Text("key")!);
                    }
                }
                foreach (var map in container.EnvFromConfigMaps) manifests.ConfigMap(map).ShouldNotBeNull($"{workload} reads ConfigMap {map}");
            }
        }
    }

    [Fact]
    public void Production_renders_no_secret_so_applying_it_never_overwrites_the_operators()
    {
        foreach (var overlay in new[] { "production", "mongodb", "neo4j", "autoscale" })
        {
            fixture.Overlay(overlay).OfKind("Secret").ShouldBeEmpty(overlay);
        }
    }
}

using Cockpit.TestSupport;
using Cockpit.Deploy.Tests.Support;

namespace Cockpit.Deploy.Tests.Kubernetes;

/// <summary>Every overlay renders with the real kustomize, and every object passes the Kubernetes schemas, unknown fields refused.</summary>
[Collection(DeployCollection.Name)]
public sealed class SchemaTests(DeployFixture fixture)
{
    [Fact]
    public void Every_overlay_folder_is_rendered_by_the_tests()
    {
        var folders = Directory.GetDirectories(Path.Combine(RepositoryPaths.K3s, "overlays")).Select(Path.GetFileName).Order();
        folders.ShouldBe(DeployFixture.OverlayNames.Order());
    }

    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void Every_rendered_object_passes_the_kubernetes_schema(string overlay)
    {
        var manifests = fixture.Overlay(overlay);
        manifests.Objects.Count.ShouldBeGreaterThan(5);
        var problems = manifests.Objects.SelectMany(o => o.Errors.Select(e => $"{o}: {e}")).ToList();
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void No_object_is_rendered_twice(string overlay)
    {
        var duplicates = fixture.Overlay(overlay).Objects.GroupBy(o => (o.Kind, o.Namespace, o.Name)).Where(g => g.Count() > 1).Select(g => g.Key);
        duplicates.ShouldBeEmpty();
    }

    [Fact]
    public void Secret_templates_are_valid_secrets()
    {
        fixture.Templates.Objects.Count.ShouldBeGreaterThanOrEqualTo(3);
        foreach (var template in fixture.Templates.Objects)
        {
            template.Kind.ShouldBe("Secret", template.ToString());
            template.Errors.ShouldBeEmpty(template.ToString());
            template.Namespace.ShouldBe(Names.Namespace, template.ToString());
        }
    }

    [Fact]
    public async Task The_validator_refuses_broken_objects()
    {
        // A control: the checks above mean something only if the validator catches typos, wrong types and missing fields.
        var file = fixture.ScratchFile("broken.yaml");
        await File.WriteAllTextAsync(file, """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: broken}
            spec:
              replica: 3
              selector: {matchLabels: {app: x}}
              template:
                metadata: {labels: {app: x}}
                spec:
                  containers:
                    - name: x
                      image: x
                      readinesProbe: {httpGet: {path: /health/ready, port: 8085}}
                      ports: [{containerPort: "8085"}]
                      env: [{name: POD_IP, valueFrom: {fieldRef: {fieldpath: status.podIP}}}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: broken}
            spec: {ports: [{port: 80}], selectr: {app: x}}
            ---
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: broken}
            spec:
              scaleTargetRef: {name: x}
              maxReplicas: 5
              triggers: [{type: prometheus, metadata: {threshold: 1}}]
            ---
            apiVersion: traefik.io/v1alpha1
            kind: Middleware
            metadata: {name: unknown-kind}
            """);

        var objects = await ManifestValidator.ValidateAsync([file]);

        var deployment = objects.Single(o => o.Kind == "Deployment").Errors;
        deployment.ShouldContain(e => e.Contains("/spec/replica: unknown field"));
        deployment.ShouldContain(e => e.Contains("readinesProbe: unknown field"));
        deployment.ShouldContain(e => e.Contains("containerPort must be integer"));
        deployment.ShouldContain(e => e.Contains("must have required property fieldPath"));
        objects.Single(o => o.Kind == "Service").Errors.ShouldContain(e => e.Contains("/spec/selectr: unknown field"));
        var scaled = objects.Single(o => o.Kind == "ScaledObject").Errors;
        scaled.ShouldContain(e => e.Contains("/spec/maxReplicas: unknown field"));
        scaled.ShouldContain(e => e.Contains("must be string"));
        objects.Single(o => o.Kind == "Middleware").Errors.ShouldContain(e => e.Contains("no Kubernetes schema"));
    }

    [Fact]
    public async Task Kubectl_is_the_pinned_release()
    {
        var version = await ProcessRunner.RunCheckedAsync(fixture.Kubectl, ["version", "--client"], RepositoryPaths.Root, TimeSpan.FromSeconds(30));
        version.StandardOutput.ShouldContain("Client Version: v1.33.");
        version.StandardOutput.ShouldContain("Kustomize Version: v5.");
    }
}

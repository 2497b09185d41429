using Cockpit.Deploy.Tests.Support;

namespace Cockpit.Deploy.Tests.Kubernetes;

/// <summary>Resources, users and images of every pod the overlays run.</summary>
[Collection(DeployCollection.Name)]
public sealed class PodPolicyTests(DeployFixture fixture)
{
    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void Every_container_requests_cpu_limits_memory_and_has_no_cpu_limit(string overlay)
    {
        foreach (var workload in fixture.Overlay(overlay).Workloads)
        {
            foreach (var container in workload.AllContainers)
            {
                var where = $"{workload} container {container}";
                container.Resource("requests", "cpu").ShouldNotBeNull($"{where} requests no CPU");
                container.Resource("requests", "memory").ShouldNotBeNull($"{where} requests no memory");
                container.Resource("limits", "memory").ShouldNotBeNull($"{where} has no memory limit");
                container.Resource("limits", "cpu").ShouldBeNull($"{where} has a CPU limit: throttling stalls silos and their cluster probes");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void Pods_run_as_non_root_without_service_links(string overlay)
    {
        foreach (var workload in fixture.Overlay(overlay).Workloads)
        {
            workload.PodSpec.At("securityContext", "runAsNonRoot")?.GetValue<bool>().ShouldBe(true, workload.ToString());
            (workload.PodSpec.Number("securityContext", "runAsUser") ?? 0).ShouldBeGreaterThan(0, workload.ToString());
            workload.PodSpec.At("enableServiceLinks")?.GetValue<bool>().ShouldBe(false, $"{workload}: service links put *_PORT variables into the environment");
            foreach (var container in workload.Containers)
            {
                container.Body.At("securityContext", "allowPrivilegeEscalation")?.GetValue<bool>().ShouldBe(false, $"{workload} {container}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void Images_are_tagged_and_init_containers_reuse_their_pods_image(string overlay)
    {
        foreach (var workload in fixture.Overlay(overlay).Workloads)
        {
            foreach (var container in workload.AllContainers)
            {
                var image = container.Image.ShouldNotBeNull();
                var tag = image.Contains(':', StringComparison.Ordinal) ? image[(image.LastIndexOf(':') + 1)..] : "";
                tag.ShouldNotBeNullOrEmpty($"{workload} {container}: untagged image {image}");
                tag.ShouldNotBe("latest", $"{workload} {container}");
            }
            foreach (var init in workload.InitContainers)
            {
                // No extra image to pull or trust: the init step uses the shell of the application image.
                workload.Containers.Select(c => c.Image).ShouldContain(init.Image);
            }
        }
    }
}

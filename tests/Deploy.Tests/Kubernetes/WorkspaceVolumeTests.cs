using Cockpit.Deploy.Tests.Support;

namespace Cockpit.Deploy.Tests.Kubernetes;

/// <summary>Silos and agents see one workspace: the same Longhorn RWX claim, mounted where WORKSPACE_ROOT points.</summary>
[Collection(DeployCollection.Name)]
public sealed class WorkspaceVolumeTests(DeployFixture fixture)
{
    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void The_workspace_claim_is_read_write_many_on_longhorn(string overlay)
    {
        var claim = fixture.Overlay(overlay).Get("PersistentVolumeClaim", Names.WorkspaceClaim);
        claim.Body.Text("spec", "storageClassName").ShouldBe("longhorn");
        claim.Body.At("spec", "accessModes")!.AsArray().Select(m => m!.ToString()).ShouldBe(["ReadWriteMany"]);
    }

    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void Silo_and_agent_mount_the_shared_claim_at_their_workspace_root(string overlay)
    {
        var manifests = fixture.Overlay(overlay);
        foreach (var (workloadName, containerName) in new[] { (Names.SiloWorkload, Names.SiloContainer), (Names.AgentWorkload, Names.AgentContainer) })
        {
            var workload = manifests.Workload(workloadName);
            var container = workload.Container(containerName);
            var root = container.EnvValue("WORKSPACE_ROOT").ShouldNotBeNull($"{workload} sets no WORKSPACE_ROOT");
            var mount = container.Mounts.Where(m => m.MountPath == root).ShouldHaveSingleItem($"{workload} mounts nothing at {root}");
            workload.ClaimOf(mount.Volume).ShouldBe(Names.WorkspaceClaim, $"{workload} mounts another volume at {root}");

            // The init container that makes the volume writable for the non-root user works on the same volume.
            workload.InitContainers.ShouldContain(c => c.Mounts.Any(m => m.Volume == mount.Volume), $"{workload} does not prepare its workspace volume");
        }
    }

    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void Silo_and_agent_confine_documents_to_the_same_roots_on_mounted_volumes(string overlay)
    {
        var manifests = fixture.Overlay(overlay);
        var silo = manifests.Workload(Names.SiloWorkload).Container(Names.SiloContainer);
        var agent = manifests.Workload(Names.AgentWorkload).Container(Names.AgentContainer);
        var roots = silo.EnvValue("DOCUMENT_ROOTS").ShouldNotBeNull("the silo sets no DOCUMENT_ROOTS");
        agent.EnvValue("DOCUMENT_ROOTS").ShouldBe(roots, "silo and agent must refuse and accept the same documents");
        foreach (var root in roots.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var container in new[] { silo, agent })
            {
                container.Mounts.ShouldContain(m => root == m.MountPath || root.StartsWith(m.MountPath.TrimEnd('/') + "/", StringComparison.Ordinal),
                    $"{root} is on no volume of {container}");
            }
        }
    }
}

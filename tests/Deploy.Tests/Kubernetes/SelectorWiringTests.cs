using System.Text.Json.Nodes;
using Cockpit.Deploy.Tests.Support;

namespace Cockpit.Deploy.Tests.Kubernetes;

/// <summary>Objects that point at each other really meet: selectors, Service ports, the Ingress backend, PDB, NetworkPolicies.</summary>
[Collection(DeployCollection.Name)]
public sealed class SelectorWiringTests(DeployFixture fixture)
{
    private static readonly HashSet<string> ClusterScopedKinds = ["Namespace", "PersistentVolume", "StorageClass", "ClusterRole", "ClusterRoleBinding"];

    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void Every_namespaced_object_lands_in_the_cockpit_namespace(string overlay)
    {
        var manifests = fixture.Overlay(overlay);
        manifests.Get("Namespace", Names.Namespace);
        var elsewhere = manifests.Objects.Where(o => !ClusterScopedKinds.Contains(o.Kind!) && o.Namespace != Names.Namespace);
        elsewhere.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void Each_workload_selects_its_own_pods_and_no_other(string overlay)
    {
        var workloads = fixture.Overlay(overlay).Workloads.ToList();
        workloads.Count.ShouldBeGreaterThanOrEqualTo(2);
        foreach (var workload in workloads)
        {
            workload.Selector.StringMap("matchLabels").ShouldNotBeEmpty(workload.ToString());
            LabelSelectors.Matches(workload.Selector, workload.PodLabels).ShouldBeTrue($"{workload}'s selector misses its pod labels");
            fixture.Overlay(overlay).SelectedBy(workload.Selector).Select(w => w.Name).ShouldBe([workload.Name], $"{workload}'s selector also picks other pods");
        }
    }

    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void Every_service_selects_pods_and_targets_ports_they_have(string overlay)
    {
        var manifests = fixture.Overlay(overlay);
        foreach (var service in manifests.OfKind("Service"))
        {
            var selector = service.Body.StringMap("spec", "selector");
            selector.ShouldNotBeEmpty(service.ToString());
            var selected = manifests.Workloads.Where(w => LabelSelectors.MatchesMap(selector, w.PodLabels)).ToList();
            selected.Count.ShouldBe(1, $"{service} selects {string.Join(", ", selected)}");
            foreach (var port in service.Body.Objects("spec", "ports"))
            {
                var target = port["targetPort"] ?? port["port"];
                selected[0].Containers.Select(c => c.ResolvePort(target)).ShouldContain(p => p != null,
                    $"{service} port {port.Text("name")} targets {target}, which no container of {selected[0]} has");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void The_ingress_routes_to_the_silos_http_port(string overlay)
    {
        var manifests = fixture.Overlay(overlay);
        var ingress = manifests.OfKind("Ingress").ShouldHaveSingleItem();
        ingress.Body.Text("spec", "ingressClassName").ShouldBe("traefik");
        var backends = ingress.Body.Objects("spec", "rules").SelectMany(r => r.Objects("http", "paths")).ToList();
        backends.ShouldNotBeEmpty();
        foreach (var path in backends)
        {
            path.Text("path").ShouldBe("/");
            var service = manifests.Get("Service", path.Text("backend", "service", "name")!);
            var portName = path.Text("backend", "service", "port", "name");
            var servicePort = service.Body.Objects("spec", "ports").SingleOrDefault(p => p.Text("name") == portName);
            servicePort.ShouldNotBeNull($"the Ingress names port {portName}, which {service} lacks");
            var silo = manifests.Workload(Names.SiloWorkload);
            LabelSelectors.MatchesMap(service.Body.StringMap("spec", "selector"), silo.PodLabels).ShouldBeTrue();
            silo.Container(Names.SiloContainer).ResolvePort(servicePort["targetPort"]).ShouldBe(8085);
        }
    }

    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void The_disruption_budget_selects_exactly_the_silos(string overlay)
    {
        var manifests = fixture.Overlay(overlay);
        var budget = manifests.OfKind("PodDisruptionBudget").ShouldHaveSingleItem();
        manifests.SelectedBy(budget.Body.At("spec", "selector")).Select(w => w.Name).ShouldBe([Names.SiloWorkload]);
    }

    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void Network_policies_select_pods_and_open_ports_those_pods_listen_on(string overlay)
    {
        var manifests = fixture.Overlay(overlay);
        var policies = manifests.OfKind("NetworkPolicy").ToList();
        policies.ShouldNotBeEmpty();
        foreach (var policy in policies)
        {
            var targets = manifests.SelectedBy(policy.Body.At("spec", "podSelector"));
            targets.Count.ShouldBe(1, $"{policy} should protect one workload, selects {string.Join(", ", targets)}");
            var listening = targets[0].Containers.SelectMany(c => c.Ports).Select(p => p.Number).ToHashSet();
            foreach (var rule in policy.Body.Objects("spec", "ingress"))
            {
                foreach (var port in rule.Objects("ports"))
                {
                    listening.ShouldContain(port.Number("port") ?? -1, $"{policy} opens {port["port"]}, where {targets[0]} does not listen");
                }
                foreach (var peer in rule.Objects("from").Select(f => f["podSelector"]).OfType<JsonObject>())
                {
                    manifests.SelectedBy(peer).ShouldNotBeEmpty($"{policy} admits pods that no workload has");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void Agents_can_reach_the_silo_http_port_and_silos_can_reach_agents(string overlay)
    {
        var manifests = fixture.Overlay(overlay);
        var silo = manifests.Workload(Names.SiloWorkload);
        var agent = manifests.Workload(Names.AgentWorkload);
        bool Admits(Workload target, Workload source, long port) =>
            manifests.OfKind("NetworkPolicy").Where(p => LabelSelectors.Matches(p.Body.At("spec", "podSelector"), target.PodLabels))
                .SelectMany(p => p.Body.Objects("spec", "ingress"))
                .Any(rule =>
                    (rule["from"] is null || rule.Objects("from").Any(f => f["podSelector"] is { } s && LabelSelectors.Matches(s, source.PodLabels)))
                    && (rule["ports"] is null || rule.Objects("ports").Any(p => p.Number("port") == port)));

        Admits(silo, agent, 8085).ShouldBeTrue("agents register and heartbeat on the silos' port 8085");
        Admits(agent, silo, 8001).ShouldBeTrue("silos push job commands to the agents' port 8001");
        Admits(silo, silo, 11111).ShouldBeTrue("silos talk to each other on 11111");
        Admits(silo, agent, 11111).ShouldBeFalse("only silos belong on the silo-to-silo port");
    }
}

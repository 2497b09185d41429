using Cockpit.Deploy.Tests.Support;

namespace Cockpit.Deploy.Tests.Kubernetes;

/// <summary>The reference agent finds the silos, registers a reachable address under its pod name, and shares the workspace.</summary>
[Collection(DeployCollection.Name)]
public sealed class AgentWorkloadTests(DeployFixture fixture)
{
    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void The_agent_registers_its_pod_ip_and_pod_name_on_its_port(string overlay)
    {
        var agent = fixture.Overlay(overlay).Workload(Names.AgentWorkload).Container(Names.AgentContainer);
        agent.EnvVar("POD_IP").Text("valueFrom", "fieldRef", "fieldPath").ShouldBe("status.podIP");
        agent.EnvVar("AGENT_HOSTNAME").Text("valueFrom", "fieldRef", "fieldPath").ShouldBe("metadata.name");
        agent.EnvValue("AGENT_PORT").ShouldBe("8001");
        agent.Ports.ShouldContain(("http", 8001));
        agent.Probe("readinessProbe").Text("httpGet", "path").ShouldBe("/health");
        agent.ResolvePort(agent.Probe("readinessProbe").At("httpGet", "port")).ShouldBe(8001);
    }

    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void Orchestrator_url_names_the_silo_service_on_a_port_that_reaches_the_silos_http_port(string overlay)
    {
        var manifests = fixture.Overlay(overlay);
        var agent = manifests.Workload(Names.AgentWorkload).Container(Names.AgentContainer);
        var url = new Uri(agent.EnvValue("ORCHESTRATOR_URL").ShouldNotBeNull());
        url.Scheme.ShouldBe("http");

        var serviceName = url.Host.Split('.')[0];
        var service = manifests.Get("Service", serviceName);
        var servicePort = service.Body.Objects("spec", "ports").SingleOrDefault(p => p.Number("port") == url.Port);
        servicePort.ShouldNotBeNull($"{service} has no port {url.Port}");
        var silo = manifests.Workload(Names.SiloWorkload);
        LabelSelectors.MatchesMap(service.Body.StringMap("spec", "selector"), silo.PodLabels).ShouldBeTrue($"{service} does not select the silos");
        silo.Container(Names.SiloContainer).ResolvePort(servicePort["targetPort"]).ShouldBe(8085);
    }
}

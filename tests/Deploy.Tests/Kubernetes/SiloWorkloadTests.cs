using System.Text.RegularExpressions;
using Cockpit.Deploy.Tests.Support;

namespace Cockpit.Deploy.Tests.Kubernetes;

/// <summary>The silo Deployment gives the silo what src/Silo reads, and probes the endpoints it serves.</summary>
[Collection(DeployCollection.Name)]
public sealed partial class SiloWorkloadTests(DeployFixture fixture)
{
    private PodContainer Silo(string overlay) => fixture.Overlay(overlay).Workload(Names.SiloWorkload).Container(Names.SiloContainer);

    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void Ports_are_declared_and_match_the_settings_beside_them(string overlay)
    {
        var silo = Silo(overlay);
        silo.Ports.ShouldContain(("http", 8085));
        silo.Ports.ShouldContain(("silo", 11111));
        silo.Ports.ShouldContain(("gateway", 30000));
        silo.EnvValue("ORCHESTRATOR_PORT").ShouldBe("8085");
        silo.EnvValue("SILO_PORT").ShouldBe("11111");
        silo.EnvValue("GATEWAY_PORT").ShouldBe("30000");
    }

    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void Probes_ask_the_health_endpoints_on_the_http_port(string overlay)
    {
        var silo = Silo(overlay);
        var readiness = silo.Probe("readinessProbe").ShouldNotBeNull();
        readiness.Text("httpGet", "path").ShouldBe("/health/ready");
        silo.ResolvePort(readiness.At("httpGet", "port")).ShouldBe(8085);

        var liveness = silo.Probe("livenessProbe").ShouldNotBeNull();
        liveness.Text("httpGet", "path").ShouldBe("/health/live");
        silo.ResolvePort(liveness.At("httpGet", "port")).ShouldBe(8085);

        // Start-up (migrations, joining the cluster) must not count against liveness.
        var startup = silo.Probe("startupProbe").ShouldNotBeNull();
        startup.Text("httpGet", "path").ShouldBe("/health/live");
        ((startup.Number("periodSeconds") ?? 10) * (startup.Number("failureThreshold") ?? 3)).ShouldBeGreaterThanOrEqualTo(60);
    }

    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void The_silo_advertises_its_pod_ip_from_the_downward_api(string overlay)
    {
        var silo = Silo(overlay);
        silo.EnvVar("POD_IP").Text("valueFrom", "fieldRef", "fieldPath").ShouldBe("status.podIP");
        silo.EnvVar("POD_NAME").Text("valueFrom", "fieldRef", "fieldPath").ShouldBe("metadata.name");
        silo.EnvValue("SILO_ADVERTISED_IP").ShouldBe("$(POD_IP)");
        // $(VAR) only expands variables defined earlier in the list.
        silo.EnvIndex("POD_IP").ShouldBeLessThan(silo.EnvIndex("SILO_ADVERTISED_IP"));
    }

    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void The_database_settings_come_from_the_postgres_secret(string overlay)
    {
        var silo = Silo(overlay);
        foreach (var name in new[] { "POSTGRES_HOST", "POSTGRES_PORT", "POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD" })
        {
            var reference = silo.EnvVar(name).At("valueFrom", "secretKeyRef").ShouldNotBeNull($"{name} is not read from a Secret");
            reference.Text("name").ShouldBe(Names.PostgresSecret);
            reference.Text("key").ShouldBe(name);
        }
    }

    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void Cluster_identity_and_agent_networks_come_from_the_config_map(string overlay)
    {
        var manifests = fixture.Overlay(overlay);
        var silo = Silo(overlay);
        var config = silo.EnvFromConfigMaps.Select(manifests.ConfigMap).ShouldHaveSingleItem().ShouldNotBeNull("envFrom names a ConfigMap the overlay lacks");
        var data = config.Body.StringMap("data");
        data["CLUSTER_ID"].ShouldNotBeNullOrWhiteSpace();
        data["SERVICE_ID"].ShouldNotBeNullOrWhiteSpace();
        data["AGENT_ALLOWED_NETWORKS"].ShouldBe("10.42.0.0/16", "k3s's default pod CIDR");
        data["WORKSPACE_WATCH"].ShouldBe("poll", "inotify does not see other pods' writes on an NFS-backed RWX volume");
    }

    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void Shutdown_fits_inside_the_grace_period(string overlay)
    {
        var workload = fixture.Overlay(overlay).Workload(Names.SiloWorkload);
        var preStop = workload.Container(Names.SiloContainer).Body.Number("lifecycle", "preStop", "sleep", "seconds") ?? 0;
        var grace = workload.TerminationGracePeriodSeconds ?? 30;
        var appShutdown = SiloShutdownTimeoutSeconds();

        grace.ShouldBeGreaterThanOrEqualTo(30);
        preStop.ShouldBeGreaterThan(0, "without a pause, SIGTERM can arrive while Traefik still routes new requests here");
        // "Well inside": at least 10 s to spare after the pause and the silo's own shutdown budget.
        (preStop + appShutdown + 10).ShouldBeLessThanOrEqualTo(grace,
            $"preStop {preStop} s + silo shutdown {appShutdown} s leaves under 10 s of the {grace} s grace period");
    }

    /// <summary>HostOptions.ShutdownTimeout as src/Silo sets it; .NET's default (30 s) when it does not.</summary>
    private static long SiloShutdownTimeoutSeconds()
    {
        var settings = Directory.EnumerateFiles(RepositoryPaths.Combine("src", "Silo"), "*.cs", SearchOption.AllDirectories)
            .Select(File.ReadAllText)
            .SelectMany(text => ShutdownTimeoutPattern().Matches(text))
            .Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        return settings.Count == 0 ? 30 : settings.Max();
    }

    [GeneratedRegex(@"ShutdownTimeout\s*=\s*TimeSpan\.FromSeconds\((\d+)\)")]
    private static partial Regex ShutdownTimeoutPattern();
}

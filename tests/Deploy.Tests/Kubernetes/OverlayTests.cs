using Cockpit.Deploy.Tests.Support;

namespace Cockpit.Deploy.Tests.Kubernetes;

/// <summary>What sets the overlays apart: sizes, the database, TLS, and the optional stores.</summary>
[Collection(DeployCollection.Name)]
public sealed class OverlayTests(DeployFixture fixture)
{
    [Theory]
    [InlineData("production")]
    [InlineData("mongodb")]
    [InlineData("neo4j")]
    [InlineData("autoscale")]
    public void Production_runs_three_silos_and_keeps_two_through_disruptions(string overlay)
    {
        var manifests = fixture.Overlay(overlay);
        manifests.Workload(Names.SiloWorkload).Replicas.ShouldBe(3);
        var budget = manifests.OfKind("PodDisruptionBudget").Single();
        budget.Body.Number("spec", "minAvailable").ShouldBe(2);
        manifests.Workloads.ShouldNotContain(w => w.Name.Contains("postgres", StringComparison.Ordinal), "production uses an external database");
    }

    [Fact]
    public void Production_serves_https_on_its_host()
    {
        var ingress = fixture.Overlay("production").OfKind("Ingress").Single();
        var host = ingress.Body.Objects("spec", "rules").Single().Text("host").ShouldNotBeNull();
        ingress.Body.Objects("spec", "tls").Single().At("hosts")!.AsArray().Select(h => h!.ToString()).ShouldContain(host);
        ingress.Body.StringMap("metadata", "annotations")["traefik.ingress.kubernetes.io/router.entrypoints"].ShouldBe("websecure");
    }

    [Theory]
    [InlineData("production", true)]
    [InlineData("mongodb", true)]
    [InlineData("neo4j", true)]
    [InlineData("autoscale", true)]
    [InlineData("dev", false)]
    public void Silos_and_agents_share_the_registration_secret_which_production_requires(string overlay, bool required)
    {
        var manifests = fixture.Overlay(overlay);
        var readers = new[]
        {
            manifests.Workload(Names.SiloWorkload).Container(Names.SiloContainer),
            manifests.Workload(Names.AgentWorkload).Container(Names.AgentContainer),
        };
        foreach (var container in readers)
        {
            var reference = container.EnvVar("AGENT_REGISTRATION_TOKEN").ShouldNotBeNull().At("valueFrom", "secretKeyRef").ShouldNotBeNull();
            reference.Text("name").ShouldBe(Names.RegistrationSecret);
            reference.Text("key").ShouldBe("AGENT_REGISTRATION_TOKEN");
            // Optional means a missing Secret leaves the variable unset, and then anyone may register.
            (reference.At("optional")?.GetValue<bool>() ?? false).ShouldBe(!required, $"{overlay}: {container}");
        }
    }

    [Fact]
    public void Dev_runs_one_silo_without_a_budget_that_blocks_drains()
    {
        var manifests = fixture.Overlay("dev");
        manifests.Workload(Names.SiloWorkload).Replicas.ShouldBe(1);
        var budget = manifests.OfKind("PodDisruptionBudget").Single();
        budget.Body.At("spec", "minAvailable").ShouldBeNull();
        (budget.Body.Number("spec", "maxUnavailable") ?? 0).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void Dev_runs_postgres_in_the_cluster_where_the_secret_points()
    {
        var manifests = fixture.Overlay("dev");
        var postgres = manifests.Workload("cockpit-postgres");
        postgres.Kind.ShouldBe("StatefulSet");
        postgres.Containers.Single().Image.ShouldBe("postgres:15");
        postgres.Source.Body.Objects("spec", "volumeClaimTemplates").ShouldHaveSingleItem();
        postgres.Containers.Single().Mounts.ShouldContain(m => m.MountPath == "/var/lib/postgresql/data");

        var secret = manifests.Get("Secret", Names.PostgresSecret).Body.StringMap("stringData");
        var service = manifests.Get("Service", secret["POSTGRES_HOST"]);
        var port = service.Body.Objects("spec", "ports").SingleOrDefault(p => p.Number("port") == long.Parse(secret["POSTGRES_PORT"], System.Globalization.CultureInfo.InvariantCulture));
        port.ShouldNotBeNull($"{service} has no port {secret["POSTGRES_PORT"]}");
        postgres.Containers.Single().ResolvePort(port["targetPort"]).ShouldBe(5432);
        LabelSelectors.MatchesMap(service.Body.StringMap("spec", "selector"), postgres.PodLabels).ShouldBeTrue();

        // The server is initialised with the same database, user and password the silos use.
        foreach (var key in new[] { "POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD" })
        {
            postgres.Containers.Single().EnvVar(key).Text("valueFrom", "secretKeyRef", "name").ShouldBe(Names.PostgresSecret);
        }
    }

    [Theory]
    [InlineData("mongodb", "cockpit-mongodb", new[] { "MONGODB_URL" })]
    [InlineData("neo4j", "cockpit-neo4j", new[] { "NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD" })]
    public void Add_on_overlays_are_production_plus_their_store_settings(string overlay, string secret, string[] keys)
    {
        var silo = fixture.Overlay(overlay).Workload(Names.SiloWorkload).Container(Names.SiloContainer);
        foreach (var key in keys)
        {
            silo.EnvVar(key).Text("valueFrom", "secretKeyRef", "name").ShouldBe(secret);
            fixture.Overlay("production").Workload(Names.SiloWorkload).Container(Names.SiloContainer).EnvVar(key).ShouldBeNull();
        }
        fixture.Overlay(overlay).Objects.Select(o => o.ToString().Split(' ')[..2]).Select(p => string.Join(' ', p))
            .ShouldBe(fixture.Overlay("production").Objects.Select(o => o.ToString().Split(' ')[..2]).Select(p => string.Join(' ', p)));
    }
}

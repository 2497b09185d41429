using System.Globalization;
using Cockpit.Deploy.Tests.Support;

namespace Cockpit.Deploy.Tests.Kubernetes;

/// <summary>The autoscale overlay: production plus a KEDA ScaledObject that sizes the agent Deployment to the queue.</summary>
[Collection(DeployCollection.Name)]
public sealed class AutoscaleTests(DeployFixture fixture)
{
    private Manifests Autoscale => fixture.Overlay("autoscale");

    [Fact]
    public void A_scaled_object_targets_the_agent_deployment_within_bounds()
    {
        var scaled = Autoscale.OfKind("ScaledObject").ShouldHaveSingleItem();
        scaled.ApiVersion.ShouldBe("keda.sh/v1alpha1");
        scaled.Namespace.ShouldBe(Names.Namespace);
        var target = scaled.Body.At("spec", "scaleTargetRef");
        (target.Text("kind"), target.Text("name")).ShouldBe(("Deployment", Names.AgentWorkload));
        Autoscale.Workload(target.Text("name")!).Kind.ShouldBe("Deployment");

        var min = scaled.Body.Number("spec", "minReplicaCount").ShouldNotBeNull();
        var max = scaled.Body.Number("spec", "maxReplicaCount").ShouldNotBeNull();
        min.ShouldBeGreaterThanOrEqualTo(1, "at least one agent waits, so a queued job starts without a pod start");
        max.ShouldBeGreaterThan(min);
    }

    [Fact]
    public void It_scales_on_the_queue_depth_through_a_prometheus_trigger()
    {
        var trigger = Autoscale.OfKind("ScaledObject").Single().Body.Objects("spec", "triggers").ShouldHaveSingleItem();
        trigger.Text("type").ShouldBe("prometheus");
        var metadata = trigger.StringMap("metadata");

        Uri.TryCreate(metadata["serverAddress"], UriKind.Absolute, out var server).ShouldBeTrue(metadata["serverAddress"]);
        server!.Scheme.ShouldBeOneOf("http", "https");
        metadata["query"].ShouldContain("cockpit_queue_depth");
        double.Parse(metadata["threshold"], CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        // Balanced parentheses: KEDA sends the query as it is, and Prometheus refuses a broken one only at run time.
        metadata["query"].Count(c => c == '(').ShouldBe(metadata["query"].Count(c => c == ')'));
        // A label value the silo never exports matches no series, and the whole sum is empty (KEDA then keeps the size
        // forever): cockpit_jobs' statuses are the job statuses' wire names, the queues are config names and "any".
        var statuses = System.Text.RegularExpressions.Regex.Matches(metadata["query"], "status=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        statuses.ShouldNotBeEmpty();
        statuses.ShouldAllBe(s => new[] { "created", "pending", "processing", "completed", "failed", "cancelled" }.Contains(s));
        metadata["query"].ShouldContain("any", Case.Sensitive, "jobs without a config are in the queue \"any\", which these agents serve");
    }

    [Fact]
    public void The_agent_deployment_leaves_its_size_to_the_autoscaler_only_in_the_autoscale_overlay()
    {
        Autoscale.Workload(Names.AgentWorkload).Replicas.ShouldBeNull("a fixed count would be put back on every apply and fight the HPA");
        foreach (var overlay in DeployFixture.OverlayNames.Where(o => o != "autoscale"))
        {
            fixture.Overlay(overlay).Workload(Names.AgentWorkload).Replicas.ShouldNotBeNull(overlay);
            fixture.Overlay(overlay).OfKind("ScaledObject").ShouldBeEmpty(overlay);
        }
    }

    [Fact]
    public void Prometheus_is_told_to_scrape_the_silos_http_port_at_metrics()
    {
        var silo = Autoscale.Workload(Names.SiloWorkload);
        var annotations = silo.Source.Body.StringMap("spec", "template", "metadata", "annotations");
        annotations["prometheus.io/scrape"].ShouldBe("true");
        annotations["prometheus.io/path"].ShouldBe("/metrics");
        silo.Container(Names.SiloContainer).Ports.ShouldContain(p => p.Number == long.Parse(annotations["prometheus.io/port"], CultureInfo.InvariantCulture));
    }
}

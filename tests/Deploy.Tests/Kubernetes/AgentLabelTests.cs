using Cockpit.Agent.Configuration;
using Cockpit.Deploy.Tests.Support;

namespace Cockpit.Deploy.Tests.Kubernetes;

/// <summary>The agent Deployment registers labels taken from its pod, which jobs' selectors are matched against.</summary>
[Collection(DeployCollection.Name)]
public sealed class AgentLabelTests(DeployFixture fixture)
{
    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void Agent_labels_come_from_the_node_the_pool_label_and_the_labels_annotation(string overlay)
    {
        var workload = fixture.Overlay(overlay).Workload(Names.AgentWorkload);
        var agent = workload.Container(Names.AgentContainer);

        // What the agent reads, parsed by the agent's own parser, so a composition it would refuse fails here.
        var environment = PodEnvironment.Resolve(workload, agent, nodeName: "k3s-worker-2", podName: "cockpit-agent-7d9f-abcde");
        var labels = AgentLabelsParser.Parse(environment.GetValueOrDefault("AGENT_LABELS"));

        labels.ShouldBe(new Dictionary<string, string> { ["node"] = "k3s-worker-2", ["pool"] = "general" });
    }

    [Fact]
    public void Labels_written_into_the_annotation_join_the_registered_ones()
    {
        var workload = fixture.Overlay("production").Workload(Names.AgentWorkload);
        var patched = new Workload(workload.Source with { Body = workload.Source.Body.DeepClone().AsObject() });
        patched.Source.Body["spec"]!["template"]!["metadata"]!["annotations"]!["cockpit/agent-labels"] = "gpu=true,region=eu";

        var environment = PodEnvironment.Resolve(patched, patched.Container(Names.AgentContainer), "gpu-node-1", "cockpit-agent-x");

        AgentLabelsParser.Parse(environment["AGENT_LABELS"]).ShouldBe(
            new Dictionary<string, string> { ["node"] = "gpu-node-1", ["pool"] = "general", ["gpu"] = "true", ["region"] = "eu" });
    }

    [Theory]
    [MemberData(nameof(Names.Overlays), MemberType = typeof(Names))]
    public void Every_variable_AGENT_LABELS_splices_in_is_defined_before_it(string overlay)
    {
        // Kubernetes expands $(NAME) only from variables listed earlier; a later one would reach the agent as "$(NAME)".
        var agent = fixture.Overlay(overlay).Workload(Names.AgentWorkload).Container(Names.AgentContainer);
        var value = agent.EnvValue("AGENT_LABELS").ShouldNotBeNull();
        var references = PodEnvironment.References(value).ToList();
        references.ShouldNotBeEmpty();
        foreach (var reference in references)
        {
            agent.EnvIndex(reference).ShouldBeInRange(0, agent.EnvIndex("AGENT_LABELS") - 1, reference);
        }
    }
}
